/**
 * Hash routes, so a reload of any screen asks the server only for index.html and the page finds its draft again:
 *   #/                         the member's start page
 *   #/dang-vien/02b/<id>       a member's draft (the form letter says which form a new draft starts on)
 *   #/bi-thu                   the chi bộ secretary
 */
import { useEffect, useState } from 'react';
import { DRAFT_ID, isMemberForm, type MemberFormId } from '../shared/api';

export type Route = { page: 'home' } | { page: 'member'; formId: MemberFormId; id: string } | { page: 'secretary' };

export function parse(hash: string): Route {
  const parts = hash.replace(/^#\/?/, '').split('/');
  if (parts[0] === 'bi-thu') return { page: 'secretary' };
  const formId = `hd43-2025/${parts[1] ?? ''}`;
  if (parts[0] === 'dang-vien' && isMemberForm(formId) && DRAFT_ID.test(parts[2] ?? '')) return { page: 'member', formId, id: parts[2]! };
  return { page: 'home' };
}

export function memberHref(formId: MemberFormId, id: string): string {
  return `#/dang-vien/${formId.split('/')[1]}/${id}`;
}

export function go(href: string): void {
  location.hash = href;
}

export function useRoute(): Route {
  const [hash, setHash] = useState(location.hash);
  useEffect(() => {
    const update = () => {
      setHash(location.hash);
      // A new screen starts at its top, as a page load would.
      scrollTo(0, 0);
    };
    addEventListener('hashchange', update);
    return () => removeEventListener('hashchange', update);
  }, []);
  return parse(hash);
}
