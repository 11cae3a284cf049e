/** Why a rule refuses an event that the state would otherwise allow (answered as 422). */
export interface Refusal {
  rule: string;
  message: string;
  details?: Record<string, unknown>;
}
