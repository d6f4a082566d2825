import { houseFunction } from '../lib/define.ts';
import { isObject } from '../../scripts/model/openapi-index.ts';

const LOWER_CAMEL = /^[a-z][a-zA-Z0-9]*$/;

/** Generated clients name methods after operationId; docs group and explain by tag, summary and description. */
export default houseFunction<null>(null, (index) => {
  const out = [];
  const declared = new Map<string, boolean>();
  if (Array.isArray(index.document.tags)) {
    for (const tag of index.document.tags) {
      if (isObject(tag) && typeof tag.name === 'string') declared.set(tag.name, typeof tag.description === 'string' && tag.description.trim() !== '');
    }
  }
  const text = (v: unknown) => typeof v === 'string' && v.trim() !== '';
  for (const op of index.operations) {
    const id = op.node.operationId;
    if (typeof id !== 'string' || !LOWER_CAMEL.test(id)) {
      out.push({
        path: id === undefined ? op.path : [...op.path, 'operationId'],
        message: `${op.label} needs an operationId in lowerCamelCase${typeof id === 'string' ? ` (got ${id})` : ''}`,
      });
    }
    if (!text(op.node.summary)) out.push({ path: op.path, message: `${op.label} needs a summary` });
    if (!text(op.node.description)) out.push({ path: op.path, message: `${op.label} needs a description` });
    const tags = Array.isArray(op.node.tags) ? op.node.tags : [];
    if (tags.length === 0) out.push({ path: op.path, message: `${op.label} needs a tag` });
    tags.forEach((tag: unknown, i: number) => {
      if (typeof tag !== 'string' || !declared.has(tag))
        out.push({ path: [...op.path, 'tags', i], message: `${op.label}: tag ${String(tag)} is not declared in the root tags list` });
      else if (!declared.get(tag)) out.push({ path: [...op.path, 'tags', i], message: `${op.label}: tag ${tag} is declared without a description` });
    });
  }
  return out;
});
