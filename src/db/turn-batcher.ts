/**
 * Group commit: writes submitted during one turn of the event loop are handed to the backend
 * together once the turn's I/O callbacks have run (`setImmediate`), so a burst of API calls costs
 * one transaction — one WAL append and lock round, or one PostgreSQL round trip and commit — instead
 * of one each. Every caller still gets its own answer, and only after the batch has committed.
 */
export type BatchWriter<I, O> = (items: readonly I[]) => Promise<readonly O[]>;

interface Waiting<I, O> {
  readonly item: I;
  readonly resolve: (value: O) => void;
  readonly reject: (reason: unknown) => void;
}

export class TurnBatcher<I, O> {
  readonly #write: BatchWriter<I, O>;
  readonly #maxBatch: number;
  #waiting: Array<Waiting<I, O>> = [];

  constructor(write: BatchWriter<I, O>, maxBatch: number) {
    this.#write = write;
    this.#maxBatch = maxBatch;
  }

  submit(item: I): Promise<O> {
    return new Promise<O>((resolve, reject) => {
      if (this.#waiting.length === 0) setImmediate(() => void this.#flush());
      this.#waiting.push({ item, resolve, reject });
    });
  }

  async #flush(): Promise<void> {
    const waiting = this.#waiting;
    this.#waiting = [];
    for (let start = 0; start < waiting.length; start += this.#maxBatch) {
      const batch = waiting.slice(start, start + this.#maxBatch);
      try {
        const results = await this.#write(batch.map((entry) => entry.item));
        batch.forEach((entry, index) => entry.resolve(results[index] as O));
      } catch (error) {
        for (const entry of batch) entry.reject(error);
      }
    }
  }
}
