/**
 * Typed arrays that grow by doubling. The issue store keeps hundreds of thousands of issues and millions
 * of history entries; plain JS objects would cost tens of bytes per field, typed columns four or eight.
 */

/** The typed arrays a column can keep its numbers in. */
type ColumnBuffer = Float64Array | Int32Array;

class GrowableColumn<Buffer extends ColumnBuffer> {
  private buffer: Buffer;
  private size = 0;

  constructor(
    private readonly allocate: (length: number) => Buffer,
    initialCapacity = 1024,
  ) {
    this.buffer = allocate(Math.max(16, initialCapacity));
  }

  get length(): number {
    return this.size;
  }

  push(value: number): number {
    if (this.size === this.buffer.length) {
      const next = this.allocate(this.buffer.length * 2);
      next.set(this.buffer);
      this.buffer = next;
    }
    this.buffer[this.size] = value;
    return this.size++;
  }

  get(index: number): number {
    if (index < 0 || index >= this.size) throw new RangeError(`column index ${index} out of ${this.size}`);
    return this.buffer[index] as number;
  }

  set(index: number, value: number): void {
    if (index < 0 || index >= this.size) throw new RangeError(`column index ${index} out of ${this.size}`);
    this.buffer[index] = value;
  }

  get bytes(): number {
    return this.buffer.byteLength;
  }
}

/** Instants (epoch milliseconds) and other numbers that need a double. */
export class Float64Column extends GrowableColumn<Float64Array> {
  constructor(initialCapacity?: number) {
    super((length) => new Float64Array(length), initialCapacity);
  }
}

/** Indexes into the store's tables, codes, flags and small counts. */
export class Int32Column extends GrowableColumn<Int32Array> {
  constructor(initialCapacity?: number) {
    super((length) => new Int32Array(length), initialCapacity);
  }
}
