import { registerEnumType } from '@nestjs/graphql';

export enum RiskResponse {
  AVOID = 'AVOID',
  REDUCE = 'REDUCE',
  TRANSFER = 'TRANSFER',
  ACCEPT = 'ACCEPT',
  SHARE = 'SHARE',
}
registerEnumType(RiskResponse, { name: 'RiskResponse' });

export enum RegisterStatus {
  OPEN = 'OPEN',
  CLOSED = 'CLOSED',
}
registerEnumType(RegisterStatus, { name: 'RegisterStatus' });

export enum IssueType {
  REQUEST_FOR_CHANGE = 'REQUEST_FOR_CHANGE',
  OFF_SPECIFICATION = 'OFF_SPECIFICATION',
  PROBLEM = 'PROBLEM',
}
registerEnumType(IssueType, { name: 'IssueType' });

/** Declared from the most to the least urgent: the register reads in this order. */
export enum IssuePriority {
  HIGH = 'HIGH',
  MEDIUM = 'MEDIUM',
  LOW = 'LOW',
}
registerEnumType(IssuePriority, { name: 'IssuePriority' });

export enum IssueStatus {
  OPEN = 'OPEN',
  RESOLVED = 'RESOLVED',
  CLOSED = 'CLOSED',
}
registerEnumType(IssueStatus, { name: 'IssueStatus' });
