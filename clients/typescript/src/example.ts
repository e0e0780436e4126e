// How a front end uses the generated types (and what the type check holds to the contract):
// request bodies, responses and problem documents as the API defines them.
import type { components, operations, paths } from "./schema";

type Schemas = components["schemas"];
export type Comment = Schemas["CommentRead"];
export type Problem = Schemas["Problem"];
export type ScreeningResult = Schemas["ScreeningRead"];

type ActOnComment = operations["comments-act_on_comment"];
export type ActionBody = ActOnComment["requestBody"]["content"]["application/json"];
export type ActionOutcome = ActOnComment["responses"][201]["content"]["application/json"];

export const hide: ActionBody = { action: "hide", reason_code: "personal_information" };

export function commentsInQueue(page: Schemas["Page_CommentRead_"]): Comment[] {
  return page.items.filter((comment) => comment.needs_review && comment.status === "visible");
}

export function citedClause(outcome: ActionOutcome): string {
  return `${outcome.action.clause.ref} (${outcome.action.clause.version_label})`;
}

export function describeProblem(problem: Problem): string {
  return `${problem.status} ${problem.title}: ${problem.detail ?? ""}`;
}

// Paths are typed too: this fails to compile if the route goes away.
export type VerifyAccount = paths["/api/v1/public/accounts/verify"]["get"];
export const verifyQuery: NonNullable<VerifyAccount["parameters"]["query"]> = {
  url: "https://www.facebook.com/AlderBayTown",
};
