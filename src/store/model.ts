// A stored model as the store gives it back: parsed when the driver hands over text, its tables keyed in
// printed order again (jsonb orders keys by length, so 收入总表 would come before 收支总表), and its rows'
// roles set where a model stored before they existed has none.
import { type Document, withTablesInOrder } from '../model/document.ts';
import { withRowRoles } from '../model/roles.ts';

export const modelOf = (model: unknown): Document =>
  withRowRoles(withTablesInOrder((typeof model === 'string' ? JSON.parse(model) : model) as Document));
