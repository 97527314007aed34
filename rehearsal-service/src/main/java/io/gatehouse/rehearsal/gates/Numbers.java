package io.gatehouse.rehearsal.gates;

import java.math.BigDecimal;
import java.math.RoundingMode;

/** Numbers as people read them in conditions and notices: no trailing zeros, at most four decimals, no locale. */
final class Numbers {

    private Numbers() {
    }

    static String format(double value) {
        if (Double.isNaN(value) || Double.isInfinite(value)) {
            return Double.toString(value);
        }
        return BigDecimal.valueOf(value).setScale(4, RoundingMode.HALF_UP).stripTrailingZeros().toPlainString();
    }
}
