import { Body, Controller, Param, Query } from '@nestjs/common';
import { type AuthContext, CurrentAuth } from '@talkoot/identity';
import { Route, type RouteBody, type RouteParams, type RouteQuery } from '@talkoot/platform';
import { LoanRequestService } from './loan-request.service.js';
import {
  approveLoanRoute,
  cancelMyLoanRoute,
  denyLoanRoute,
  getLoanRequestRoute,
  myLoanRequestsRoute,
  ownerCancelLoanRoute,
  ownerLoanRoute,
  ownerLoansRoute,
  ownerWeekRoute,
  pickUpLoanRoute,
  requestLoanRoute,
  returnLoanRoute,
} from './loan.routes.js';
import { LoanService } from './loan.service.js';

// Loans: the borrower's request and cancellation, the owner's answers, hand-over and return.
@Controller()
export class LoanController {
  constructor(
    private readonly requests: LoanRequestService,
    private readonly loans: LoanService,
  ) {}

  @Route(requestLoanRoute)
  async request(@Body() body: RouteBody<typeof requestLoanRoute>, @CurrentAuth() auth: AuthContext) {
    return { request: await this.requests.request(body, auth.user) };
  }

  @Route(myLoanRequestsRoute)
  async mine(@CurrentAuth() auth: AuthContext) {
    return { requests: await this.loans.listMine(auth.user.id) };
  }

  @Route(getLoanRequestRoute)
  async getRequest(@Param() params: RouteParams<typeof getLoanRequestRoute>, @CurrentAuth() auth: AuthContext) {
    return { request: await this.loans.getMine(params.id, auth.user.id) };
  }

  @Route(cancelMyLoanRoute)
  async cancelMine(
    @Param() params: RouteParams<typeof cancelMyLoanRoute>,
    @Body() body: RouteBody<typeof cancelMyLoanRoute>,
    @CurrentAuth() auth: AuthContext,
  ) {
    return { loan: await this.loans.cancelByBorrower(params.id, auth.user.id, body.reason) };
  }

  @Route(ownerLoansRoute)
  async ownerLoans(@Param() params: RouteParams<typeof ownerLoansRoute>, @Query() query: RouteQuery<typeof ownerLoansRoute>) {
    return { loans: await this.loans.listForOwner(params.id, query) };
  }

  @Route(ownerWeekRoute)
  week(@Param() params: RouteParams<typeof ownerWeekRoute>, @Query() query: RouteQuery<typeof ownerWeekRoute>) {
    return this.loans.week(params.id, query.date);
  }

  @Route(ownerLoanRoute)
  async ownerLoan(@Param() params: RouteParams<typeof ownerLoanRoute>) {
    return { loan: await this.loans.getForOwner(params.id, params.loanId) };
  }

  @Route(approveLoanRoute)
  async approve(
    @Param() params: RouteParams<typeof approveLoanRoute>,
    @Body() body: RouteBody<typeof approveLoanRoute>,
    @CurrentAuth() auth: AuthContext,
  ) {
    return { loan: await this.loans.approve(params.id, params.loanId, body, auth.user.id) };
  }

  @Route(denyLoanRoute)
  async deny(
    @Param() params: RouteParams<typeof denyLoanRoute>,
    @Body() body: RouteBody<typeof denyLoanRoute>,
    @CurrentAuth() auth: AuthContext,
  ) {
    return { loan: await this.loans.deny(params.id, params.loanId, body.reason, auth.user.id) };
  }

  @Route(pickUpLoanRoute)
  async pickUp(@Param() params: RouteParams<typeof pickUpLoanRoute>) {
    return { loan: await this.loans.pickUp(params.id, params.loanId) };
  }

  @Route(returnLoanRoute)
  async returnLines(
    @Param() params: RouteParams<typeof returnLoanRoute>,
    @Body() body: RouteBody<typeof returnLoanRoute>,
    @CurrentAuth() auth: AuthContext,
  ) {
    return { loan: await this.loans.returnLines(params.id, params.loanId, body.lines, auth.user.id) };
  }

  @Route(ownerCancelLoanRoute)
  async cancelByOwner(
    @Param() params: RouteParams<typeof ownerCancelLoanRoute>,
    @Body() body: RouteBody<typeof ownerCancelLoanRoute>,
  ) {
    return { loan: await this.loans.cancelByOwner(params.id, params.loanId, body.reason) };
  }
}
