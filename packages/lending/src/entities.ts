import { GiveAwayOffer } from './give-away.entity.js';
import { Item, KitPart, OutOfServicePeriod } from './item.entity.js';
import { ItemPhoto } from './item-photo.entity.js';
import { Loan, LoanLine, LoanRequest } from './loan.entity.js';

export { GiveAwayOffer, Item, ItemPhoto, KitPart, Loan, LoanLine, LoanRequest, OutOfServicePeriod };

export const lendingEntities = [Item, KitPart, OutOfServicePeriod, LoanRequest, Loan, LoanLine, GiveAwayOffer, ItemPhoto];
