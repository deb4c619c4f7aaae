export * from './entities.js';
export * from './schemas.js';
export * from './lending.module.js';
export { LoanRequestService, LOAN_REQUEST_DAYS } from './loan-request.service.js';
export { LoanService } from './loan.service.js';
export { ItemService } from './item.service.js';
export { AvailabilityService } from './availability.service.js';
export { peakUsageSql, dailyUsageSql } from './stock.sql.js';
