import { Item, KitPart, OutOfServicePeriod } from './item.entity.js';
import { Loan, LoanLine, LoanRequest } from './loan.entity.js';

export { Item, KitPart, Loan, LoanLine, LoanRequest, OutOfServicePeriod };

export const lendingEntities = [Item, KitPart, OutOfServicePeriod, LoanRequest, Loan, LoanLine];
