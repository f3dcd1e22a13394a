/** The developer-facing list of what a render dropped or could not do (RenderedBox.problems). */

/** A broken box can produce a problem per tag; the first fifty say enough. */
const MAX_PROBLEMS = 50;

export class ProblemLog {
  readonly #problems = new Set<string>();

  add(problem: string): void {
    if (this.#problems.size < MAX_PROBLEMS) this.#problems.add(problem);
  }

  list(): string[] {
    return [...this.#problems];
  }
}
