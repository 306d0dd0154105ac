package org.linalg;

import java.util.Arrays;

/** An immutable dense matrix of doubles, stored row-major. */
public final class Matrix {

    private final int rows;
    private final int cols;
    private final double[] data;

    private Matrix(int rows, int cols, double[] data) {
        this.rows = rows;
        this.cols = cols;
        this.data = data;
    }

    /** Builds a matrix from rows of equal length; the arrays are copied. */
    public static Matrix of(double[]... values) {
        if (values.length == 0 || values[0].length == 0) {
            throw new IllegalArgumentException("a matrix needs at least one row and one column");
        }
        int cols = values[0].length;
        double[] data = new double[values.length * cols];
        for (int r = 0; r < values.length; r++) {
            if (values[r].length != cols) {
                throw new IllegalArgumentException(
                        "row " + r + " has " + values[r].length + " columns, expected " + cols);
            }
            System.arraycopy(values[r], 0, data, r * cols, cols);
        }
        return new Matrix(values.length, cols, data);
    }

    public static Matrix identity(int n) {
        double[] data = new double[n * n];
        for (int i = 0; i < n; i++) {
            data[i * n + i] = 1.0;
        }
        return new Matrix(n, n, data);
    }

    public int rows() {
        return rows;
    }

    public int cols() {
        return cols;
    }

    public double get(int row, int col) {
        checkIndex(row, col);
        return data[row * cols + col];
    }

    public Matrix plus(Matrix other) {
        requireSameShape(other);
        double[] sum = new double[data.length];
        for (int i = 0; i < data.length; i++) {
            sum[i] = data[i] + other.data[i];
        }
        return new Matrix(rows, cols, sum);
    }

    public Matrix times(Matrix other) {
        if (cols != other.rows) {
            throw new IllegalArgumentException(
                    "cannot multiply " + shape() + " by " + other.shape());
        }
        double[] product = new double[rows * other.cols];
        for (int r = 0; r < rows; r++) {
            for (int c = 0; c < other.cols; c++) {
                double acc = 0;
                for (int k = 0; k < cols; k++) {
                    acc += data[r * cols + k] * other.data[k * other.cols + c];
                }
                product[r * other.cols + c] = acc;
            }
        }
        return new Matrix(rows, other.cols, product);
    }

    public Matrix scale(double factor) {
        double[] scaled = new double[data.length];
        for (int i = 0; i < data.length; i++) {
            scaled[i] = data[i] * factor;
        }
        return new Matrix(rows, cols, scaled);
    }

    private void checkIndex(int row, int col) {
        if (row < 0 || row >= rows || col < 0 || col >= cols) {
            throw new IndexOutOfBoundsException("(" + row + ", " + col + ") outside " + shape());
        }
    }

    private void requireSameShape(Matrix other) {
        if (rows != other.rows || cols != other.cols) {
            throw new IllegalArgumentException("shape " + other.shape() + " differs from " + shape());
        }
    }

    private String shape() {
        return rows + "x" + cols;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Matrix m && rows == m.rows && cols == m.cols && Arrays.equals(data, m.data);
    }

    @Override
    public int hashCode() {
        return 31 * (31 * rows + cols) + Arrays.hashCode(data);
    }

    @Override
    public String toString() {
        StringBuilder out = new StringBuilder();
        for (int r = 0; r < rows; r++) {
            out.append(Arrays.toString(Arrays.copyOfRange(data, r * cols, (r + 1) * cols)));
            out.append('\n');
        }
        return out.toString();
    }
}
