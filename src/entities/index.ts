import { Unit } from './unit.entity.js';

export { Unit };

/** Every entity, for the DataSource. */
export const ENTITIES = [Unit];
