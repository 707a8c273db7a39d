// The rule catalogue, in the order docs/rules.md lists it.
import type { Rule } from '../types.ts';
import { codeFormat } from './code-format.ts';
import { codeName } from './code-name.ts';
import { crossBasic } from './cross-basic.ts';
import { crossClassTotals } from './cross-class-totals.ts';
import { crossTableTotals } from './cross-table-totals.ts';
import { departmentUnitsTotal } from './department-units-total.ts';
import { identitySignals } from './identity-signals.ts';
import { noteEmptyWithData } from './note-empty-with-data.ts';
import { noteMissingForEmpty } from './note-missing-for-empty.ts';
import { placeholder } from './placeholder.ts';
import { projectBudgetParts } from './project-budget-parts.ts';
import { projectCode } from './project-code.ts';
import { projectCostCeiling } from './project-cost-ceiling.ts';
import { projectIndicatorCoverage } from './project-indicator-coverage.ts';
import { projectIndicatorValue } from './project-indicator-value.ts';
import { projectIndicatorWeights } from './project-indicator-weights.ts';
import { projectSpendingPlan } from './project-spending-plan.ts';
import { projectTarget } from './project-target.ts';
import { projectsTotal } from './projects-total.ts';
import { requiredSections } from './required-sections.ts';
import { requiredTables } from './required-tables.ts';
import { sectionNumbering } from './section-numbering.ts';
import { summaryTotals } from './summary-totals.ts';
import { tableParentChildren } from './table-parent-children.ts';
import { tableRowSum } from './table-row-sum.ts';
import { tableTotalRow } from './table-total-row.ts';
import { textAmount } from './text-amount.ts';
import { textBalance } from './text-balance.ts';
import { textBudgetCompletion } from './text-budget-completion.ts';
import { textChangeBase } from './text-change-base.ts';
import { textChangeDirection } from './text-change-direction.ts';
import { textChangeParts } from './text-change-parts.ts';
import { textChangeRate } from './text-change-rate.ts';
import { textChangeTwice } from './text-change-twice.ts';
import { textChangeUses } from './text-change-uses.ts';
import { textChangeVsPrior } from './text-change-vs-prior.ts';
import { textClassItem } from './text-class-item.ts';
import { textComparedYear } from './text-compared-year.ts';
import { textCountParts } from './text-count-parts.ts';
import { textDateYear } from './text-date-year.ts';
import { textListSum } from './text-list-sum.ts';
import { textPartsSum } from './text-parts-sum.ts';
import { textShare } from './text-share.ts';
import { textUnitSlip } from './text-unit-slip.ts';
import { textUsesSum } from './text-uses-sum.ts';
import { threePublicChangeReason } from './three-public-change-reason.ts';
import { threePublicSums } from './three-public-sums.ts';
import { yearConsistency } from './year-consistency.ts';

export const rules: Rule[] = [
  tableRowSum,
  tableParentChildren,
  tableTotalRow,
  summaryTotals,
  threePublicSums,
  crossClassTotals,
  crossTableTotals,
  crossBasic,
  departmentUnitsTotal,
  textAmount,
  textClassItem,
  textComparedYear,
  textChangeVsPrior,
  textPartsSum,
  textShare,
  textChangeRate,
  textChangeDirection,
  textChangeParts,
  textChangeBase,
  textChangeUses,
  textListSum,
  textBalance,
  textUsesSum,
  textChangeTwice,
  textUnitSlip,
  textCountParts,
  textDateYear,
  textBudgetCompletion,
  threePublicChangeReason,
  noteEmptyWithData,
  noteMissingForEmpty,
  requiredTables,
  requiredSections,
  sectionNumbering,
  yearConsistency,
  identitySignals,
  placeholder,
  codeFormat,
  codeName,
  projectTarget,
  projectIndicatorCoverage,
  projectIndicatorValue,
  projectIndicatorWeights,
  projectCostCeiling,
  projectSpendingPlan,
  projectBudgetParts,
  projectCode,
  projectsTotal,
];
