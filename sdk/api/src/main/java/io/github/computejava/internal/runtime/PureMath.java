package io.github.computejava.internal.runtime;

// TeaVM's WASI target imports these Math functions from a "teavmMath" module that Fastly's host lacks.
/**
 * The {@code java.lang.Math} functions that TeaVM would otherwise import from the host, written in plain Java.
 *
 * <p>The compiler rewrites calls to {@code Math} and {@code StrictMath} {@code sin, cos, tan, asin, acos, atan,
 * atan2, exp, log, sqrt, ceil, floor} into calls to this class. Every method has the special cases that
 * {@code Math} documents; {@link #sqrt}, {@link #ceil} and {@link #floor} are exact, the others are faithfully
 * rounded (less than one ulp from the true value), so they stay within one ulp of {@code StrictMath}.
 *
 * <p>The code uses only arithmetic, integer operations and {@code Double} bit conversions. The transcendental
 * functions reduce their argument, evaluate a minimax polynomial on the reduced range, and carry the rounding
 * errors of the leading terms in a second double so that the final addition is the only large rounding step.
 * Arguments of {@code sin}, {@code cos} and {@code tan} beyond 2<sup>20</sup>&middot;&pi;/2 are reduced with
 * 2/&pi; in multiple precision (Payne&ndash;Hanek).
 */
public final class PureMath {
    private static final long SIGN_BIT = 0x8000000000000000L;
    private static final long FRACTION_BITS = 0x000FFFFFFFFFFFFFL;
    private static final long IMPLICIT_BIT = 0x0010000000000000L;
    private static final long INFINITY_BITS = 0x7FF0000000000000L;
    private static final long ONE_BITS = 0x3FF0000000000000L;
    private static final long LOW_32 = 0xFFFFFFFFL;
    /** 2<sup>27</sup> + 1, which splits a double into two halves of 26 bits (Veltkamp). */
    private static final double SPLITTER = 0x1.0000002p27;

    // pi/2, pi and their roundings' remainders.
    private static final double PIO2_HI = 0x1.921fb54442d18p0;
    private static final double PIO2_LO = 0x1.1a62633145c07p-54;
    private static final double PI_HI = 0x1.921fb54442d18p1;
    private static final double PI_LO = 0x1.1a62633145c07p-53;
    private static final double PIO4_HI = 0x1.921fb54442d18p-1;
    private static final double PIO4_LO = 0x1.1a62633145c07p-55;
    private static final double THREE_PIO4 = 0x1.2d97c7f3321d2p1;
    private static final double TWO_OVER_PI = 0x1.45f306dc9c883p-1;

    // pi/2 in 33-bit pieces, so that n * piece is exact for n < 2^20, and the rest.
    private static final double PIO2_1 = 0x1.921fb544p0;
    private static final double PIO2_2 = 0x1.0b4611a6p-34;
    private static final double PIO2_3 = 0x1.3198a2ep-69;
    private static final double PIO2_4 = 0x1.b839a252049c1p-104;
    /** Below 2<sup>20</sup>&middot;&pi;/2 the 33-bit pieces of &pi;/2 reduce exactly. */
    private static final double MEDIUM_LIMIT = 0x1.921fb54442d18p20;

    /** Bits of 2/&pi; after the binary point, 64 per entry: enough for every finite double. */
    private static final long[] TWO_OVER_PI_BITS = {
        0xA2F9836E4E441529L, 0xFC2757D1F534DDC0L, 0xDB6295993C439041L, 0xFE5163ABDEBBC561L, 0xB7246E3A424DD2E0L,
        0x06492EEA09D1921CL, 0xFE1DEB1CB129A73EL, 0xE88235F52EBB4484L, 0xE99C7026B45F7E41L, 0x3991D639835339F4L,
        0x9C845F8BBDF9283BL, 0x1FF897FFDE05980FL, 0xEF2F118B5A0A6D1FL, 0x6D367ECF27CB09B7L, 0x4F463F669E5FEA2DL,
        0x7527BAC7EBE5F17BL, 0x3D0739F78A5292EAL, 0x6BFB5FB11F8D5D08L, 0x56033046FC7B6BABL
    };

    // atan(1/2) and atan(3/2), each as a rounded value and its remainder.
    private static final double ATAN_HALF_HI = 0x1.dac670561bb4fp-2;
    private static final double ATAN_HALF_LO = 0x1.a2b7f222f65e2p-56;
    private static final double ATAN_THREE_HALVES_HI = 0x1.f730bd281f69bp-1;
    private static final double ATAN_THREE_HALVES_LO = 0x1.007887af0cbbdp-56;

    // ln 2 with 33 significant bits (so that k * LN2_HI is exact), its remainder, and 1 / ln 2.
    private static final double LN2_HI = 0x1.62e42fefp-1;
    private static final double LN2_LO = 0x1.473de6af278edp-34;
    private static final double INV_LN2 = 0x1.71547652b82fep0;
    private static final double SQRT2 = 0x1.6a09e667f3bcdp0;

    /** exp(x) overflows above this; a little above the exact threshold, so the final scaling decides. */
    private static final double EXP_OVERFLOW = 709.79;
    /** exp(x) is below half of the smallest subnormal under this. */
    private static final double EXP_UNDERFLOW = -745.14;

    // Minimax coefficients, fitted for this class: (sin(x) / x - 1) / x^2 in x^2 on [0, 0.62].
    private static final double S0 = -0x1.5555555555555p-3;
    /** -1/6 - S0. */
    private static final double S0_LO = -0x1.5555555555555p-57;

    private static final double S1 = 0x1.111111111111p-7;
    private static final double S2 = -0x1.a01a01a01990bp-13;
    private static final double S3 = 0x1.71de3a545b2cap-19;
    private static final double S4 = -0x1.ae64540961aa4p-26;
    private static final double S5 = 0x1.6121779c97f8ap-33;
    private static final double S6 = -0x1.ab1373c9efdf1p-41;

    // (cos(x) - 1 + x^2 / 2) / x^4 in x^2 on [0, 0.62].
    private static final double C0 = 0x1.5555555555555p-5;
    private static final double C1 = -0x1.6c16c16c16c16p-10;
    private static final double C2 = 0x1.a01a01a019cf7p-16;
    private static final double C3 = -0x1.27e4fb77106d3p-22;
    private static final double C4 = 0x1.1eed8de768dc4p-29;
    private static final double C5 = -0x1.9394b36dac95cp-37;
    private static final double C6 = 0x1.ab74752fce466p-45;

    // (atan(x) / x - 1) / x^2 in x^2 on [0, (7/16)^2].
    private static final double T0 = -0x1.5555555555555p-2;
    private static final double T1 = 0x1.99999999998d3p-3;
    private static final double T2 = -0x1.2492492486022p-3;
    private static final double T3 = 0x1.c71c71bd9c89dp-4;
    private static final double T4 = -0x1.745d155eed7edp-4;
    private static final double T5 = 0x1.3b13778e57d8bp-4;
    private static final double T6 = -0x1.110cb7757289ap-4;
    private static final double T7 = 0x1.e17285a3bf891p-5;
    private static final double T8 = -0x1.ab665d1234c1ap-5;
    private static final double T9 = 0x1.7032bbbc4b178p-5;
    private static final double T10 = -0x1.0fceea5603b8cp-5;
    private static final double T11 = 0x1.e5b12342f56dep-7;

    // (asin(x) / x - 1) / x^2 in x^2 on [0, 1/4].
    private static final double A0 = 0x1.5555555555556p-3;
    private static final double A1 = 0x1.3333333332e3fp-4;
    private static final double A2 = 0x1.6db6db6e3eeabp-5;
    private static final double A3 = 0x1.f1c71c16181bep-6;
    private static final double A4 = 0x1.6e8bb2edf7584p-6;
    private static final double A5 = 0x1.1c4d1b9f065bcp-6;
    private static final double A6 = 0x1.c9d1fcc1ea216p-7;
    private static final double A7 = 0x1.780a2b8d415d3p-7;
    private static final double A8 = 0x1.52f4ab6764491p-7;
    private static final double A9 = 0x1.5fd0be0e7dcc2p-8;
    private static final double A10 = 0x1.20faef7e56b6dp-6;
    private static final double A11 = -0x1.f28585239c182p-7;
    private static final double A12 = 0x1.db20266e251afp-6;

    // (exp(r) - 1 - r - r^2 / 2) / r^3 in r on [-ln(2) / 2, ln(2) / 2].
    private static final double E0 = 0x1.5555555555556p-3;
    private static final double E1 = 0x1.5555555555556p-5;
    private static final double E2 = 0x1.11111111109b2p-7;
    private static final double E3 = 0x1.6c16c16c15cfcp-10;
    private static final double E4 = 0x1.a01a01a7c4c5dp-13;
    private static final double E5 = 0x1.a01a01a9a483cp-16;
    private static final double E6 = 0x1.71de0dabe42fcp-19;
    private static final double E7 = 0x1.27e4d3765a8fep-22;
    private static final double E8 = 0x1.af38af877badcp-26;
    private static final double E9 = 0x1.1f81fed9d046dp-29;

    // (2 atanh(s) / s - 2) / s^2 in s^2 on [0, ((sqrt(2) - 1) / (sqrt(2) + 1))^2].
    private static final double L0 = 0x1.5555555555558p-1;
    private static final double L1 = 0x1.999999999522ep-2;
    private static final double L2 = 0x1.2492492e02b1fp-2;
    private static final double L3 = 0x1.c71c62d1c65d1p-3;
    private static final double L4 = 0x1.7462b9b7fd385p-3;
    private static final double L5 = 0x1.39fdc7db531bap-3;
    private static final double L6 = 0x1.2b5f0a67b4647p-3;

    private static final int SIN = 0;
    private static final int COS = 1;
    private static final int TAN = 2;

    private PureMath() {}

    /**
     * The sine of {@code x}, as {@link Math#sin}.
     *
     * @param x an angle in radians
     * @return NaN for NaN or an infinity, {@code x} for a zero, otherwise sin(x) within one ulp
     */
    public static double sin(double x) {
        return trig(x, SIN);
    }

    /**
     * The cosine of {@code x}, as {@link Math#cos}.
     *
     * @param x an angle in radians
     * @return NaN for NaN or an infinity, otherwise cos(x) within one ulp
     */
    public static double cos(double x) {
        return trig(x, COS);
    }

    /**
     * The tangent of {@code x}, as {@link Math#tan}.
     *
     * @param x an angle in radians
     * @return NaN for NaN or an infinity, {@code x} for a zero, otherwise tan(x) within one ulp
     */
    public static double tan(double x) {
        return trig(x, TAN);
    }

    /**
     * The arc sine of {@code x}, as {@link Math#asin}.
     *
     * @param x a value in [-1, 1]
     * @return NaN for NaN or |x| &gt; 1, {@code x} for a zero, otherwise asin(x) in [-&pi;/2, &pi;/2] within one ulp
     */
    public static double asin(double x) {
        double ax = abs(x);
        if (!(ax <= 1)) {
            return Double.NaN;
        }
        if (ax < 0x1p-27) {
            return x;
        }
        if (ax <= 0.5) {
            double z = x * x;
            return x + x * z * asinPoly(z);
        }
        double r;
        if (ax == 1) {
            r = PIO2_HI;
        } else {
            // asin(x) = pi/2 - 2 asin(s) with s = sqrt((1 - x) / 2) <= 1/2.
            double w = (1 - ax) * 0.5;
            double s = sqrt(w);
            double tail = asinOfRootTail(w, s);
            double twoS = s + s;
            double h = PIO2_HI - twoS;
            double e = (PIO2_HI - h) - twoS;
            r = h + (e + (PIO2_LO - 2 * tail));
        }
        return x < 0 ? -r : r;
    }

    /**
     * The arc cosine of {@code x}, as {@link Math#acos}.
     *
     * @param x a value in [-1, 1]
     * @return NaN for NaN or |x| &gt; 1, otherwise acos(x) in [0, &pi;] within one ulp
     */
    public static double acos(double x) {
        double ax = abs(x);
        if (!(ax <= 1)) {
            return Double.NaN;
        }
        if (ax <= 0.5) {
            // pi/2 - asin(x)
            double z = x * x;
            double asinTail = x * z * asinPoly(z);
            double h = PIO2_HI - x;
            double e = (PIO2_HI - h) - x;
            return h + (e + (PIO2_LO - asinTail));
        }
        if (ax == 1) {
            return x > 0 ? 0.0 : PI_HI;
        }
        // acos(|x|) = 2 asin(s) with s = sqrt((1 - |x|) / 2) <= 1/2; acos(-|x|) = pi - acos(|x|).
        double w = (1 - ax) * 0.5;
        double s = sqrt(w);
        double tail = asinOfRootTail(w, s);
        if (x > 0) {
            return 2 * (s + tail);
        }
        double twoS = s + s;
        double h = PI_HI - twoS;
        double e = (PI_HI - h) - twoS;
        return h + (e + (PI_LO - 2 * tail));
    }

    /**
     * The arc tangent of {@code x}, as {@link Math#atan}.
     *
     * @param x any value
     * @return NaN for NaN, {@code x} for a zero, otherwise atan(x) in [-&pi;/2, &pi;/2] within one ulp
     */
    public static double atan(double x) {
        if (x != x) {
            return x;
        }
        double ax = abs(x);
        if (ax < 0x1p-27) {
            return x;
        }
        double r = ax >= 0x1p66 ? PIO2_HI : atanPlus(ax, 0, 0, 0, 1);
        return x < 0 ? -r : r;
    }

    /**
     * The angle of the point ({@code x}, {@code y}), as {@link Math#atan2}, with all of its special cases.
     *
     * @param y the ordinate
     * @param x the abscissa
     * @return the angle in [-&pi;, &pi;] within one ulp, signed like {@code y}; NaN if either argument is NaN
     */
    public static double atan2(double y, double x) {
        if (x != x || y != y) {
            return Double.NaN;
        }
        boolean xNegative = Double.doubleToRawLongBits(x) < 0;
        double ax = abs(x);
        double ay = abs(y);
        double r;
        if (ay == 0) {
            r = xNegative ? PI_HI : 0.0;
        } else if (ax == Double.POSITIVE_INFINITY) {
            if (ay == Double.POSITIVE_INFINITY) {
                r = xNegative ? THREE_PIO4 : PIO4_HI;
            } else {
                r = xNegative ? PI_HI : 0.0;
            }
        } else if (ax == 0 || ay == Double.POSITIVE_INFINITY) {
            r = PIO2_HI;
        } else {
            r = atan2Finite(ay, ax, xNegative);
        }
        return Double.doubleToRawLongBits(y) < 0 ? -r : r;
    }

    /**
     * e raised to {@code x}, as {@link Math#exp}.
     *
     * @param x the exponent
     * @return NaN for NaN, +&infin; for +&infin; or overflow, +0 for -&infin; or underflow, otherwise
     *     e<sup>x</sup> within one ulp
     */
    public static double exp(double x) {
        if (x != x) {
            return x;
        }
        if (x > EXP_OVERFLOW) {
            return Double.POSITIVE_INFINITY;
        }
        if (x < EXP_UNDERFLOW) {
            return 0.0;
        }
        if (abs(x) < 0x1p-54) {
            return 1 + x;
        }
        // x = k ln 2 + r with |r| <= ln(2) / 2; r = rh + rl exactly enough.
        int k = (int) (x * INV_LN2 + (x < 0 ? -0.5 : 0.5));
        double hi = x - k * LN2_HI;
        double lo = k * LN2_LO;
        double rh = hi - lo;
        double rl = (hi - rh) - lo;
        // exp(r) = 1 + r + r^2 / 2 + r^3 P(r), the first three terms summed with their rounding errors.
        double sq = rh * rh;
        double sqError = productError(rh, rh, sq);
        double cubic = rh
                * sq
                * (E0
                        + rh
                                * (E1
                                        + rh
                                                * (E2
                                                        + rh
                                                                * (E3
                                                                        + rh
                                                                                * (E4
                                                                                        + rh
                                                                                                * (E5
                                                                                                        + rh
                                                                                                                * (E6
                                                                                                                        + rh
                                                                                                                                * (E7
                                                                                                                                        + rh
                                                                                                                                                * (E8
                                                                                                                                                        + rh
                                                                                                                                                                * E9)))))))));
        double s1 = 1 + rh;
        double e1 = (1 - s1) + rh;
        double half = 0.5 * sq;
        double s2 = s1 + half;
        double e2 = (s1 - s2) + half;
        double tail = e1 + e2 + (0.5 * sqError + cubic + rl * (1 + rh));
        double y = s2 + tail;
        if (k >= -1020) {
            return k > 1023 ? y * 2 * powerOfTwo(k - 1) : y * powerOfTwo(k);
        }
        // Subnormal result: round y + yLow scaled to the subnormal grid once, not y first and the scaled y again.
        double yLow = (s2 - y) + tail;
        double scaled = y * powerOfTwo(k + 1000);
        double rounded = scaled * 0x1p-1000;
        double rest = (scaled - rounded * 0x1p1000) + yLow * powerOfTwo(k + 1000);
        return rounded + rest * 0x1p-1000;
    }

    /**
     * The natural logarithm of {@code x}, as {@link Math#log}.
     *
     * @param x any value
     * @return NaN for NaN or x &lt; 0, -&infin; for a zero, +&infin; for +&infin;, otherwise ln(x) within one ulp
     */
    public static double log(double x) {
        if (!(x > 0)) {
            return x == 0 ? Double.NEGATIVE_INFINITY : Double.NaN;
        }
        if (x == Double.POSITIVE_INFINITY) {
            return x;
        }
        long bits = Double.doubleToRawLongBits(x);
        int k = 0;
        if (bits < IMPLICIT_BIT) {
            bits = Double.doubleToRawLongBits(x * 0x1p54);
            k = -54;
        }
        // x = 2^k m with m in [sqrt(2)/2, sqrt(2)), m = 1 + f.
        k += (int) (bits >>> 52) - 1023;
        double m = Double.longBitsToDouble((bits & FRACTION_BITS) | ONE_BITS);
        if (m > SQRT2) {
            m *= 0.5;
            k++;
        }
        double f = m - 1;
        // ln(1 + f) = f - f^2/2 + s (f^2/2 + R(s^2)) with s = f / (2 + f); f - f^2/2 kept to double-double.
        double s = f / (2 + f);
        double z = s * s;
        double r = z * (L0 + z * (L1 + z * (L2 + z * (L3 + z * (L4 + z * (L5 + z * L6))))));
        double sq = f * f;
        double halfSq = 0.5 * sq;
        double halfSqError = 0.5 * productError(f, f, sq);
        double d = f - halfSq;
        double de = (f - d) - halfSq;
        double tail = (de - halfSqError) + s * (halfSq + r);
        if (k == 0) {
            return d + tail;
        }
        double kh = k * LN2_HI;
        double h = kh + d;
        double he = (kh - h) + d;
        return h + (he + (tail + k * LN2_LO));
    }

    /**
     * The square root of {@code x}, correctly rounded, as {@link Math#sqrt}.
     *
     * @param x any value
     * @return NaN for NaN or x &lt; 0, {@code x} for a zero or +&infin;, otherwise the double nearest to &radic;x
     */
    public static double sqrt(double x) {
        if (!(x > 0)) {
            return x == 0 ? x : Double.NaN;
        }
        if (x == Double.POSITIVE_INFINITY) {
            return x;
        }
        long bits = Double.doubleToRawLongBits(x);
        int biased = (int) (bits >>> 52);
        long mantissa = bits & FRACTION_BITS;
        if (biased == 0) {
            int shift = Long.numberOfLeadingZeros(mantissa) - 11;
            mantissa <<= shift;
            biased = 1 - shift;
        } else {
            mantissa |= IMPLICIT_BIT;
        }
        // x = mantissa * 2^e with e even and mantissa in [2^52, 2^54).
        int e = biased - 1075;
        if ((e & 1) != 0) {
            mantissa <<= 1;
            e--;
        }
        // Digit by digit: root = floor(sqrt(mantissa * 2^54)), a 54-bit integer, and its remainder.
        long root = 0;
        long remainder = 0;
        for (int i = 53; i >= 0; i--) {
            long pair = i >= 27 ? (mantissa >>> (2 * i - 54)) & 3 : 0;
            remainder = (remainder << 2) | pair;
            long trial = (root << 2) | 1;
            root <<= 1;
            if (remainder >= trial) {
                remainder -= trial;
                root |= 1;
            }
        }
        // The lowest root bit decides the rounding: a root is never exactly halfway between two doubles.
        long rounded = (root >>> 1) + (root & 1);
        return Double.longBitsToDouble(((long) ((e - 52) / 2 + 1074) << 52) + rounded);
    }

    /**
     * The smallest integer value not below {@code x}, as {@link Math#ceil}.
     *
     * @param x any value
     * @return {@code x} if it is already an integer, NaN or infinite; -0.0 for x in (-1, 0); otherwise &lceil;x&rceil;
     */
    public static double ceil(double x) {
        return roundToInteger(x, false);
    }

    /**
     * The largest integer value not above {@code x}, as {@link Math#floor}.
     *
     * @param x any value
     * @return {@code x} if it is already an integer, NaN or infinite; +0.0 for x in (0, 1); otherwise &lfloor;x&rfloor;
     */
    public static double floor(double x) {
        return roundToInteger(x, true);
    }

    private static double roundToInteger(double x, boolean down) {
        long bits = Double.doubleToRawLongBits(x);
        boolean negative = bits < 0;
        int e = (int) ((bits >>> 52) & 0x7FF) - 1023;
        if (e < 0) {
            if ((bits & ~SIGN_BIT) == 0) {
                return x;
            }
            if (down) {
                return negative ? -1.0 : 0.0;
            }
            return negative ? -0.0 : 1.0;
        }
        if (e >= 52) {
            return x;
        }
        long fraction = FRACTION_BITS >>> e;
        if ((bits & fraction) == 0) {
            return x;
        }
        if (negative == down) {
            // Away from zero: add one unit in the last integer place; a carry moves into the exponent.
            bits += fraction + 1;
        }
        return Double.longBitsToDouble(bits & ~fraction);
    }

    private static double trig(double x, int kind) {
        long bits = Double.doubleToRawLongBits(x);
        long absBits = bits & ~SIGN_BIT;
        if (absBits >= INFINITY_BITS) {
            return Double.NaN;
        }
        double ax = Double.longBitsToDouble(absBits);
        if (ax < 0x1p-27) {
            return kind == COS ? 1.0 : x;
        }
        if (ax >= MEDIUM_LIMIT) {
            return trigOfLarge(ax, bits < 0, kind);
        }
        int n;
        double y0;
        double y1;
        if (ax <= PIO4_HI) {
            n = 0;
            y0 = ax;
            y1 = 0;
        } else {
            // ax = n pi/2 + y0 + y1 (Cody-Waite); n * PIO2_1 and every n * PIO2_i are exact.
            n = (int) (ax * TWO_OVER_PI + 0.5);
            double dn = n;
            double t = ax - dn * PIO2_1;
            double w2 = dn * PIO2_2;
            double a = t - w2;
            double ae = sumError(t, -w2, a);
            double w3 = dn * PIO2_3;
            double b = a - w3;
            double be = sumError(a, -w3, b);
            double lo = (ae + be) - dn * PIO2_4;
            y0 = b + lo;
            y1 = sumError(b, lo, y0);
        }
        if (bits < 0) {
            n = -n;
            y0 = -y0;
            y1 = -y1;
        }
        return trigOfReduced(n, y0, y1, kind);
    }

    /** Reduces ax &ge; 2<sup>20</sup>&middot;&pi;/2 with the bits of 2/&pi; (Payne&ndash;Hanek). */
    private static double trigOfLarge(double ax, boolean negative, int kind) {
        long bits = Double.doubleToRawLongBits(ax);
        int e = (int) (bits >>> 52) - 1075;
        long m = (bits & FRACTION_BITS) | IMPLICIT_BIT;
        // ax * 2/pi = m 2^e 2/pi; bits of 2/pi above position e - 1 only add multiples of 4. With W the bits
        // at positions e - 1 .. e + 190 (weight 2^-position), ax * 2/pi = m W 2^-190 (mod 4).
        long w0 = twoOverPiBits(e - 1);
        long w1 = twoOverPiBits(e + 63);
        long w2 = twoOverPiBits(e + 127);
        long p2 = m * w2;
        long c2 = multiplyHighUnsigned(m, w2);
        long p1 = m * w1 + c2;
        long carry = (p1 ^ SIGN_BIT) < (c2 ^ SIGN_BIT) ? 1 : 0;
        long p0 = m * w0 + multiplyHighUnsigned(m, w1) + carry;
        // Quadrant in the top two bits, then a 128-bit fraction.
        int n = (int) (p0 >>> 62);
        long fh = (p0 << 2) | (p1 >>> 62);
        long fl = (p1 << 2) | (p2 >>> 62);
        boolean upper = fh < 0;
        if (upper) {
            // A fraction of 1/2 or more belongs to the next quadrant: take 1 - fraction, negated below.
            n++;
            fl = -fl;
            fh = ~fh + (fl == 0 ? 1 : 0);
        }
        int shift = 0;
        if (fh == 0) {
            fh = fl;
            fl = 0;
            shift = 64;
        }
        int lz = Long.numberOfLeadingZeros(fh);
        if (lz > 0) {
            fh = (fh << lz) | (fl >>> (64 - lz));
            fl <<= lz;
        }
        shift += lz;
        double hi = (fh >>> 11) * powerOfTwo(-53 - shift);
        double lo = (((fh & 0x7FF) << 42) | (fl >>> 22)) * powerOfTwo(-106 - shift);
        // r = fraction * pi/2 as a double-double.
        double ph = hi * PIO2_HI;
        double pe = productError(hi, PIO2_HI, ph) + (hi * PIO2_LO + lo * PIO2_HI);
        double y0 = ph + pe;
        double y1 = (ph - y0) + pe;
        if (upper != negative) {
            y0 = -y0;
            y1 = -y1;
        }
        return trigOfReduced(negative ? -n : n, y0, y1, kind);
    }

    /** 64 bits of 2/&pi; starting at the given position (weight 2<sup>-position</sup>); zeros above the point. */
    private static long twoOverPiBits(int position) {
        int start = position - 1;
        int word = start >> 6;
        int offset = start & 63;
        long high = twoOverPiWord(word);
        return offset == 0 ? high : (high << offset) | (twoOverPiWord(word + 1) >>> (64 - offset));
    }

    private static long twoOverPiWord(int index) {
        return index < 0 || index >= TWO_OVER_PI_BITS.length ? 0 : TWO_OVER_PI_BITS[index];
    }

    /** The function of kind at n &pi;/2 + y0 + y1, with |y0 + y1| &le; about &pi;/4. */
    private static double trigOfReduced(int n, double y0, double y1, int kind) {
        if (kind == TAN) {
            return tanOfReduced(y0, y1, (n & 1) != 0);
        }
        int quadrant = (n + kind) & 3;
        double v = (quadrant & 1) == 0 ? y0 + sinTail(y0, y1) : cosOfReduced(y0, y1);
        return (quadrant & 2) == 0 ? v : -v;
    }

    /** sin(y0 + y1) - y0, with y0^3 * S0, the largest term, free of rounding errors but one. */
    private static double sinTail(double y0, double y1) {
        double z = y0 * y0;
        double zError = productError(y0, y0, z);
        double cube = y0 * z;
        double cubeError = productError(y0, z, cube) + y0 * zError;
        double lead = cube * S0;
        double leadError = productError(cube, S0, lead) + (cubeError * S0 + cube * S0_LO);
        double poly = S1 + z * (S2 + z * (S3 + z * (S4 + z * (S5 + z * S6))));
        return lead + (leadError + (cube * z * poly + y1 * (1 - 0.5 * z)));
    }

    private static double cosOfReduced(double y0, double y1) {
        double head = 1 - 0.5 * (y0 * y0);
        return head + cosTail(y0, y1, head);
    }

    /** cos(y0 + y1) - head, where head = 1 - y0 * y0 / 2 rounded. */
    private static double cosTail(double y0, double y1, double head) {
        double sq = y0 * y0;
        double sqError = productError(y0, y0, sq);
        double halfSq = 0.5 * sq;
        double headError = (1 - head) - halfSq;
        double poly = C0 + sq * (C1 + sq * (C2 + sq * (C3 + sq * (C4 + sq * (C5 + sq * C6)))));
        return (headError - 0.5 * sqError) + (sq * sq * poly - y0 * y1);
    }

    /** tan(y0 + y1), or -1 / tan(y0 + y1) when odd: a quotient of double-double sine and cosine. */
    private static double tanOfReduced(double y0, double y1, boolean odd) {
        double sinTail = sinTail(y0, y1);
        double sin = y0 + sinTail;
        double sinLow = (y0 - sin) + sinTail;
        double cosHead = 1 - 0.5 * (y0 * y0);
        double cosTail = cosTail(y0, y1, cosHead);
        double cos = cosHead + cosTail;
        double cosLow = (cosHead - cos) + cosTail;
        double num = odd ? -cos : sin;
        double numLow = odd ? -cosLow : sinLow;
        double den = odd ? sin : cos;
        double denLow = odd ? sinLow : cosLow;
        double q = num / den;
        double p = q * den;
        double remainder = ((num - p) - productError(q, den, p) + numLow) - q * denLow;
        return q + remainder / den;
    }

    /** The arc sine of s + (w - s^2) / 2s minus s, where s is the rounded square root of w &le; 1/4. */
    private static double asinOfRootTail(double w, double s) {
        double sq = s * s;
        double sLow = ((w - sq) - productError(s, s, sq)) / (s + s);
        double wp = w * asinPoly(w);
        return sLow + (s * wp + sLow * wp);
    }

    private static double asinPoly(double z) {
        return A0
                + z
                        * (A1
                                + z
                                        * (A2
                                                + z
                                                        * (A3
                                                                + z
                                                                        * (A4
                                                                                + z
                                                                                        * (A5
                                                                                                + z
                                                                                                        * (A6
                                                                                                                + z
                                                                                                                        * (A7
                                                                                                                                + z
                                                                                                                                        * (A8
                                                                                                                                                + z
                                                                                                                                                        * (A9
                                                                                                                                                                + z
                                                                                                                                                                        * (A10
                                                                                                                                                                                + z
                                                                                                                                                                                        * (A11
                                                                                                                                                                                                + z
                                                                                                                                                                                                        * A12)))))))))));
    }

    /** atan2 for finite positive ay and ax: atan(ay / ax) with the quotient's rounding error carried along. */
    private static double atan2Finite(double ay, double ax, boolean xNegative) {
        int ey = (int) (Double.doubleToRawLongBits(ay) >>> 52);
        int ex = (int) (Double.doubleToRawLongBits(ax) >>> 52);
        if (ey - ex > 66) {
            // The ratio exceeds 2^65: pi/2 +- less than 2^-64 rounds to pi/2.
            return PIO2_HI;
        }
        if (ex - ey > 66) {
            // The ratio is below 2^-65, where atan(q) rounds like q, and pi - q rounds to pi.
            return xNegative ? PI_HI : ay / ax;
        }
        if (ey == 0 || ex == 0) {
            ay *= 0x1p54;
            ax *= 0x1p54;
        }
        // Move ax to [1, 2) by exponent arithmetic; ay stays normal since the exponents differ by at most 67.
        long shift = (Double.doubleToRawLongBits(ax) & INFINITY_BITS) - ONE_BITS;
        ax = Double.longBitsToDouble(Double.doubleToRawLongBits(ax) - shift);
        ay = Double.longBitsToDouble(Double.doubleToRawLongBits(ay) - shift);
        double q = ay / ax;
        double p = q * ax;
        double qLow = ((ay - p) - productError(q, ax, p)) / ax;
        return xNegative ? atanPlus(q, qLow, PI_HI, PI_LO, -1) : atanPlus(q, qLow, 0, 0, 1);
    }

    /**
     * (addHi + addLo) + sign * atan(u + uLow) for 0 &le; u &lt; 2<sup>66</sup>, rounded once at the end.
     *
     * <p>atan(u) = base + atan(t) with base one of 0, atan(1/2), &pi;/4, atan(3/2), &pi;/2 and |t| &lt; 7/16;
     * t = th + tl is computed with the rounding error of its division.
     */
    private static double atanPlus(double u, double uLow, double addHi, double addLo, double sign) {
        double baseHi;
        double baseLo;
        double th;
        double tl;
        if (u < 0.4375) {
            baseHi = 0;
            baseLo = 0;
            th = u;
            tl = 0;
        } else {
            // t = num / (dh + dl) with num exact.
            double num;
            double dh;
            double dl;
            if (u < 0.6875) {
                baseHi = ATAN_HALF_HI;
                baseLo = ATAN_HALF_LO;
                num = 2 * u - 1;
                dh = 2 + u;
                dl = u - (dh - 2);
            } else if (u < 1.1875) {
                baseHi = PIO4_HI;
                baseLo = PIO4_LO;
                num = u - 1;
                dh = u + 1;
                dl = u - (dh - 1);
            } else if (u < 2.4375) {
                baseHi = ATAN_THREE_HALVES_HI;
                baseLo = ATAN_THREE_HALVES_LO;
                num = 2 * u - 3;
                double twoU = 2 * u;
                double threeU = twoU + u;
                double threeUError = (twoU - threeU) + u;
                dh = 2 + threeU;
                dl = ((threeU - dh) + 2) + threeUError;
            } else {
                baseHi = PIO2_HI;
                baseLo = PIO2_LO;
                num = -1;
                dh = u;
                dl = 0;
            }
            th = num / dh;
            double p = th * dh;
            double remainder = ((num - p) - productError(th, dh, p)) - th * dl;
            tl = remainder / dh;
        }
        double z = th * th;
        double poly = th
                * z
                * (T0
                        + z
                                * (T1
                                        + z
                                                * (T2
                                                        + z
                                                                * (T3
                                                                        + z
                                                                                * (T4
                                                                                        + z
                                                                                                * (T5
                                                                                                        + z
                                                                                                                * (T6
                                                                                                                        + z
                                                                                                                                * (T7
                                                                                                                                        + z
                                                                                                                                                * (T8
                                                                                                                                                        + z
                                                                                                                                                                * (T9
                                                                                                                                                                        + z
                                                                                                                                                                                * (T10
                                                                                                                                                                                        + z
                                                                                                                                                                                                * T11)))))))))));
        double low = baseLo + (poly + tl / (1 + z) + uLow / (1 + u * u));
        double signedBase = sign * baseHi;
        double h1 = addHi + signedBase;
        double e1 = sumError(addHi, signedBase, h1);
        double signedT = sign * th;
        double h2 = h1 + signedT;
        double e2 = sumError(h1, signedT, h2);
        return h2 + ((e1 + e2) + (addLo + sign * low));
    }

    /** 2^k for -1022 &le; k &le; 1023. */
    private static double powerOfTwo(int k) {
        return Double.longBitsToDouble((long) (k + 1023) << 52);
    }

    private static double abs(double x) {
        return Double.longBitsToDouble(Double.doubleToRawLongBits(x) & ~SIGN_BIT);
    }

    /** The exact a * b - p for p = a * b rounded (Dekker), given no overflow or underflow. */
    private static double productError(double a, double b, double p) {
        double ca = SPLITTER * a;
        double aHi = ca - (ca - a);
        double aLo = a - aHi;
        double cb = SPLITTER * b;
        double bHi = cb - (cb - b);
        double bLo = b - bHi;
        return ((aHi * bHi - p) + aHi * bLo + aLo * bHi) + aLo * bLo;
    }

    /** The exact a + b - s for s = a + b rounded (Knuth), for any order of magnitudes. */
    private static double sumError(double a, double b, double s) {
        double bVirtual = s - a;
        double aVirtual = s - bVirtual;
        return (a - aVirtual) + (b - bVirtual);
    }

    /** The high 64 bits of the unsigned 128-bit product a * b. */
    private static long multiplyHighUnsigned(long a, long b) {
        long aLo = a & LOW_32;
        long aHi = a >>> 32;
        long bLo = b & LOW_32;
        long bHi = b >>> 32;
        long lowLow = aLo * bLo;
        long highLow = aHi * bLo;
        long lowHigh = aLo * bHi;
        long middle = (lowLow >>> 32) + (highLow & LOW_32) + (lowHigh & LOW_32);
        return aHi * bHi + (highLow >>> 32) + (lowHigh >>> 32) + (middle >>> 32);
    }
}
