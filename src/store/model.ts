// A stored model as the store gives it back: parsed when the driver hands over text, and its tables keyed
// in printed order again (jsonb orders keys by length, so 收入总表 would come before 收支总表).
import { type Document, withTablesInOrder } from '../model/document.ts';

export const modelOf = (model: unknown): Document =>
  withTablesInOrder((typeof model === 'string' ? JSON.parse(model) : model) as Document);
