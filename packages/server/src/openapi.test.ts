import { describe, expect, it } from 'vitest';
import { formIds } from '@kiemdiem/forms';
import { formComponent, openApiDocument } from './openapi';

describe('the OpenAPI document', () => {
  const doc = openApiDocument() as { openapi: string; paths: Record<string, unknown>; components: { schemas: Record<string, unknown> } };
  const text = JSON.stringify(doc);

  it('is OpenAPI 3.1 with every route and every form schema', () => {
    expect(doc.openapi).toBe('3.1.0');
    for (const path of ['/regulations', '/regulations/{id}', '/rate', '/diff', '/forms', '/forms/{id}/schema', '/forms/{id}/ui/{kind}', '/forms/{id}/validate', '/forms/{id}/pdf', '/summary/pdf', '/plan/check', '/health', '/ready', '/openapi.json']) {
      expect(doc.paths[path], path).toBeDefined();
    }
    for (const id of formIds()) expect(doc.components.schemas[formComponent(id)], id).toBeDefined();
    expect(doc.components.schemas['Pack.overlay']).toBeDefined();
  });

  it('has every $ref resolving to a component, and no $defs or $id left', () => {
    const refs = [...text.matchAll(/"\$ref":"#\/components\/schemas\/([^"]+)"/g)].map((m) => m[1]!);
    expect(refs.length).toBeGreaterThan(50);
    for (const name of new Set(refs)) expect(doc.components.schemas[name], name).toBeDefined();
    expect(text).not.toMatch(/"\$ref":"#\/\$defs|"\$defs":|"\$id":/);
  });
});
