import { describe, expect, it } from 'vitest';
import { requestLang } from './lang';

describe('the language of a request', () => {
  it('takes ?lang first, then Accept-Language by weight, and defaults to Vietnamese', () => {
    expect(requestLang({ lang: 'en' }, 'vi')).toBe('en');
    expect(requestLang({}, 'fr-FR, en-GB;q=0.8, vi;q=0.5')).toBe('en');
    expect(requestLang({}, 'en;q=0.3, vi-VN')).toBe('vi');
    expect(requestLang({}, 'de')).toBe('vi');
    expect(requestLang({ lang: 'xx' }, undefined)).toBe('vi');
  });
});
