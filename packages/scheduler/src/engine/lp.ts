/**
 * A sparse MIP under construction, row by row (CSR), in the arrays HiGHS takes directly — no LP
 * text to print and parse. Linear expressions may mix variables and constants; constants move
 * into the row bounds, and a row left with no variable is dropped (it is decided already).
 */

export class Linear {
  readonly index: number[] = [];
  readonly value: number[] = [];
  constant = 0;
  add(column: number, coefficient: number): this {
    this.index.push(column);
    this.value.push(coefficient);
    return this;
  }
}

export class LpBuilder {
  readonly colCost: number[] = [];
  readonly colLower: number[] = [];
  readonly colUpper: number[] = [];
  readonly integrality: number[] = [];
  readonly starts: number[] = [0];
  readonly index: number[] = [];
  readonly value: number[] = [];
  readonly rowLower: number[] = [];
  readonly rowUpper: number[] = [];
  offset = 0;

  get numCols(): number {
    return this.colCost.length;
  }

  get numRows(): number {
    return this.rowLower.length;
  }

  addCol(cost: number, lower: number, upper: number, integer: boolean): number {
    this.colCost.push(cost);
    this.colLower.push(lower);
    this.colUpper.push(upper);
    this.integrality.push(integer ? 1 : 0);
    return this.colCost.length - 1;
  }

  /**
   * lower ≤ expr ≤ upper. A row with no variable is decided already: it is dropped (returns false)
   * when its constant satisfies the bounds, and turned into an infeasible row when it does not.
   */
  addRow(expr: Linear, lower: number, upper: number): boolean {
    if (expr.index.length === 0) {
      const tolerance = 1e-9;
      if (expr.constant >= lower - tolerance && expr.constant <= upper + tolerance) return false;
      const z = this.addCol(0, 0, 0, false);
      return this.addRow(new Linear().add(z, 1), 1, 1);
    }
    for (let k = 0; k < expr.index.length; k++) {
      this.index.push(expr.index[k]!);
      this.value.push(expr.value[k]!);
    }
    this.starts.push(this.index.length);
    this.rowLower.push(lower - expr.constant);
    this.rowUpper.push(upper - expr.constant);
    return true;
  }
}
