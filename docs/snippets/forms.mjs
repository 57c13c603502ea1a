import { exampleFor, listForms, schemaFor, validate } from '@kiemdiem/forms';

console.log(listForms('en').map((f) => `${f.id} ${f.official ? 'official' : 'reference'}: ${f.title}`).join('\n'));
const schema = schemaFor('hd43-2025/02b', { shortcomings: { identified: 2 } }); // JSON Schema, shaped by the rule pack
console.log(schema.title, Object.keys(schema.properties));
const document = exampleFor('hd43-2025/02b'); // a filled example that passes validation
document.identity.fullName = '';
const { valid, errors, warnings } = await validate('hd43-2025/02b', document, { lang: 'en' });
console.log(valid, errors, warnings); // false [ { path: '/identity/fullName', message: …, code: … } ] []
