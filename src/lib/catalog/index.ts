export * from './build';
export { formatPlanNumber } from './plan-number';
