import { GiveAwayOffer } from './give-away.entity.js';
import { Item, KitPart, OutOfServicePeriod } from './item.entity.js';
import { Loan, LoanLine, LoanRequest } from './loan.entity.js';

export { GiveAwayOffer, Item, KitPart, Loan, LoanLine, LoanRequest, OutOfServicePeriod };

export const lendingEntities = [Item, KitPart, OutOfServicePeriod, LoanRequest, Loan, LoanLine, GiveAwayOffer];
