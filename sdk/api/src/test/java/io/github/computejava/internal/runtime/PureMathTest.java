package io.github.computejava.internal.runtime;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.util.function.DoubleUnaryOperator;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.Tuple;
import net.jqwik.api.Tuple.Tuple2;
import org.junit.jupiter.api.Test;

/**
 * PureMath checked against StrictMath: at most one ulp apart (none for sqrt, ceil and floor), and NaN, signed
 * zeros and infinities exactly where StrictMath has them. Each property samples one input distribution: jqwik's
 * own doubles, raw bit patterns (every exponent, subnormals, NaN, infinities) and ranges where the algorithms
 * switch or lose precision.
 */
class PureMathTest {
    private static final int TRIES = 10_000;
    private static final double HALF_PI = Math.PI / 2;

    // ---- sin, cos, tan

    @Property(tries = TRIES)
    void trigOfJqwikDoublesIsWithinOneUlp(@ForAll double x) {
        checkTrig(x);
    }

    @Property(tries = TRIES)
    void trigOfAnyBitPatternIsWithinOneUlp(@ForAll("anyBits") double x) {
        checkTrig(x);
    }

    @Property(tries = TRIES)
    void trigOfSmallAndMediumAnglesIsWithinOneUlp(@ForAll("smallAndMediumAngles") double x) {
        checkTrig(x);
    }

    @Property(tries = TRIES)
    void trigNearMultiplesOfHalfPiIsWithinOneUlp(@ForAll("nearMultiplesOfHalfPi") double x) {
        checkTrig(x);
    }

    @Property(tries = TRIES)
    void trigOfHugeAnglesIsWithinOneUlp(@ForAll("hugeAngles") double x) {
        checkTrig(x);
    }

    @Test
    void trigSpecialCases() {
        for (DoubleUnaryOperator f : new DoubleUnaryOperator[] {PureMath::sin, PureMath::cos, PureMath::tan}) {
            assertBits(Double.NaN, f.applyAsDouble(Double.NaN), "NaN");
            assertBits(Double.NaN, f.applyAsDouble(Double.POSITIVE_INFINITY), "+Infinity");
            assertBits(Double.NaN, f.applyAsDouble(Double.NEGATIVE_INFINITY), "-Infinity");
        }
        assertBits(0.0, PureMath.sin(0.0), "sin(+0)");
        assertBits(-0.0, PureMath.sin(-0.0), "sin(-0)");
        assertBits(0.0, PureMath.tan(0.0), "tan(+0)");
        assertBits(-0.0, PureMath.tan(-0.0), "tan(-0)");
        assertBits(1.0, PureMath.cos(0.0), "cos(+0)");
        assertBits(1.0, PureMath.cos(-0.0), "cos(-0)");
        assertBits(Double.MIN_VALUE, PureMath.sin(Double.MIN_VALUE), "sin(MIN_VALUE)");
        double[] hard = {
            Double.MAX_VALUE,
            Double.MIN_NORMAL,
            Math.PI,
            HALF_PI,
            Math.PI / 4,
            Math.nextUp(Math.PI / 4),
            0x1p-27,
            Math.nextDown(0x1p-27),
            1e22,
            1e300,
            0x1.921fb54442d18p20,
            Math.nextDown(0x1.921fb54442d18p20),
            // The double closest to a multiple of pi/2 (K. C. Ng, "Argument reduction for huge arguments").
            6381956970095103.0 * 0x1p797,
        };
        for (double x : hard) {
            checkTrig(x);
            checkTrig(-x);
        }
        for (int k = 1; k < 200; k++) {
            checkTrig(k * HALF_PI);
            checkTrig(Math.nextUp(k * HALF_PI));
            checkTrig(Math.nextDown(k * HALF_PI));
        }
        for (int e = 20; e < 1024; e++) {
            checkTrig(Math.scalb(HALF_PI, e));
        }
    }

    // ---- asin, acos

    @Property(tries = TRIES)
    void inverseSineAndCosineOfJqwikDoublesAreWithinOneUlp(@ForAll double x) {
        checkInverseSineAndCosine(x);
    }

    @Property(tries = TRIES)
    void inverseSineAndCosineOfAnyBitPatternAreWithinOneUlp(@ForAll("anyBits") double x) {
        checkInverseSineAndCosine(x);
    }

    @Property(tries = TRIES)
    void inverseSineAndCosineInTheirDomainAreWithinOneUlp(@ForAll("unitInterval") double x) {
        checkInverseSineAndCosine(x);
    }

    @Test
    void inverseSineAndCosineSpecialCases() {
        for (double x :
                new double[] {Double.NaN, 2, -2, Math.nextUp(1.0), -Math.nextUp(1.0), Double.NEGATIVE_INFINITY}) {
            assertBits(Double.NaN, PureMath.asin(x), "asin(" + x + ")");
            assertBits(Double.NaN, PureMath.acos(x), "acos(" + x + ")");
        }
        assertBits(0.0, PureMath.asin(0.0), "asin(+0)");
        assertBits(-0.0, PureMath.asin(-0.0), "asin(-0)");
        assertBits(HALF_PI, PureMath.asin(1), "asin(1)");
        assertBits(-HALF_PI, PureMath.asin(-1), "asin(-1)");
        assertBits(0.0, PureMath.acos(1), "acos(1)");
        assertBits(Math.PI, PureMath.acos(-1), "acos(-1)");
        assertBits(HALF_PI, PureMath.acos(0.0), "acos(+0)");
        assertBits(HALF_PI, PureMath.acos(-0.0), "acos(-0)");
        for (double x :
                new double[] {0.5, Math.nextUp(0.5), Math.nextDown(0.5), Math.nextDown(1.0), Double.MIN_VALUE}) {
            checkInverseSineAndCosine(x);
            checkInverseSineAndCosine(-x);
        }
    }

    // ---- atan

    @Property(tries = TRIES)
    void arcTangentOfJqwikDoublesIsWithinOneUlp(@ForAll double x) {
        checkUnary("atan", PureMath::atan, StrictMath::atan, x);
    }

    @Property(tries = TRIES)
    void arcTangentOfAnyBitPatternIsWithinOneUlp(@ForAll("anyBits") double x) {
        checkUnary("atan", PureMath::atan, StrictMath::atan, x);
    }

    @Property(tries = TRIES)
    void arcTangentAroundItsBreakpointsIsWithinOneUlp(@ForAll("arcTangentArguments") double x) {
        checkUnary("atan", PureMath::atan, StrictMath::atan, x);
    }

    @Test
    void arcTangentSpecialCases() {
        assertBits(Double.NaN, PureMath.atan(Double.NaN), "atan(NaN)");
        assertBits(0.0, PureMath.atan(0.0), "atan(+0)");
        assertBits(-0.0, PureMath.atan(-0.0), "atan(-0)");
        assertBits(HALF_PI, PureMath.atan(Double.POSITIVE_INFINITY), "atan(+Infinity)");
        assertBits(-HALF_PI, PureMath.atan(Double.NEGATIVE_INFINITY), "atan(-Infinity)");
        assertBits(Math.PI / 4, PureMath.atan(1), "atan(1)");
        for (double x : new double[] {0x1p66, Math.nextDown(0x1p66), Double.MAX_VALUE, Double.MIN_VALUE, 0x1p-27}) {
            checkUnary("atan", PureMath::atan, StrictMath::atan, x);
            checkUnary("atan", PureMath::atan, StrictMath::atan, -x);
        }
    }

    // ---- atan2

    @Property(tries = TRIES)
    void angleOfJqwikPointsIsWithinOneUlp(@ForAll double y, @ForAll double x) {
        checkAngle(y, x);
    }

    @Property(tries = TRIES)
    void angleOfAnyBitPatternsIsWithinOneUlp(@ForAll("anyBits") double y, @ForAll("anyBits") double x) {
        checkAngle(y, x);
    }

    @Property(tries = TRIES)
    void angleOfPointsWithComparableCoordinatesIsWithinOneUlp(@ForAll("comparablePoints") Tuple2<Double, Double> p) {
        checkAngle(p.get1(), p.get2());
    }

    @Test
    void angleSpecialCasesFollowMathAtan2() {
        double[] finite = {Double.MIN_VALUE, 1e-300, 1, 3, 1e300, Double.MAX_VALUE};
        double inf = Double.POSITIVE_INFINITY;
        for (double v : new double[] {0.0, -0.0, 1, -1, inf, -inf, Double.NaN}) {
            assertBits(Double.NaN, PureMath.atan2(Double.NaN, v), "atan2(NaN, " + v + ")");
            assertBits(Double.NaN, PureMath.atan2(v, Double.NaN), "atan2(" + v + ", NaN)");
        }
        for (double x : finite) {
            assertBits(0.0, PureMath.atan2(0.0, x), "atan2(+0, " + x + ")");
            assertBits(-0.0, PureMath.atan2(-0.0, x), "atan2(-0, " + x + ")");
            assertBits(Math.PI, PureMath.atan2(0.0, -x), "atan2(+0, " + -x + ")");
            assertBits(-Math.PI, PureMath.atan2(-0.0, -x), "atan2(-0, " + -x + ")");
            assertBits(0.0, PureMath.atan2(x, inf), "atan2(" + x + ", +Infinity)");
            assertBits(-0.0, PureMath.atan2(-x, inf), "atan2(" + -x + ", +Infinity)");
            assertBits(Math.PI, PureMath.atan2(x, -inf), "atan2(" + x + ", -Infinity)");
            assertBits(-Math.PI, PureMath.atan2(-x, -inf), "atan2(" + -x + ", -Infinity)");
            assertBits(HALF_PI, PureMath.atan2(x, 0.0), "atan2(" + x + ", +0)");
            assertBits(HALF_PI, PureMath.atan2(x, -0.0), "atan2(" + x + ", -0)");
            assertBits(-HALF_PI, PureMath.atan2(-x, 0.0), "atan2(" + -x + ", +0)");
            assertBits(HALF_PI, PureMath.atan2(inf, x), "atan2(+Infinity, " + x + ")");
            assertBits(HALF_PI, PureMath.atan2(inf, -x), "atan2(+Infinity, " + -x + ")");
            assertBits(-HALF_PI, PureMath.atan2(-inf, x), "atan2(-Infinity, " + x + ")");
            for (double y : finite) {
                for (int signs = 0; signs < 4; signs++) {
                    checkAngle((signs & 1) == 0 ? y : -y, (signs & 2) == 0 ? x : -x);
                }
            }
        }
        assertBits(0.0, PureMath.atan2(0.0, 0.0), "atan2(+0, +0)");
        assertBits(-0.0, PureMath.atan2(-0.0, 0.0), "atan2(-0, +0)");
        assertBits(Math.PI, PureMath.atan2(0.0, -0.0), "atan2(+0, -0)");
        assertBits(-Math.PI, PureMath.atan2(-0.0, -0.0), "atan2(-0, -0)");
        assertBits(Math.PI / 4, PureMath.atan2(inf, inf), "atan2(+Infinity, +Infinity)");
        assertBits(-Math.PI / 4, PureMath.atan2(-inf, inf), "atan2(-Infinity, +Infinity)");
        assertBits(StrictMath.atan2(inf, -inf), PureMath.atan2(inf, -inf), "atan2(+Infinity, -Infinity)");
        assertBits(StrictMath.atan2(-inf, -inf), PureMath.atan2(-inf, -inf), "atan2(-Infinity, -Infinity)");
        assertBits(Math.PI / 4, PureMath.atan2(1, 1), "atan2(1, 1)");
    }

    // ---- exp

    @Property(tries = TRIES)
    void exponentialOfJqwikDoublesIsWithinOneUlp(@ForAll double x) {
        checkUnary("exp", PureMath::exp, StrictMath::exp, x);
    }

    @Property(tries = TRIES)
    void exponentialOfAnyBitPatternIsWithinOneUlp(@ForAll("anyBits") double x) {
        checkUnary("exp", PureMath::exp, StrictMath::exp, x);
    }

    @Property(tries = TRIES)
    void exponentialAcrossItsRangeIsWithinOneUlp(@ForAll("exponentialArguments") double x) {
        checkUnary("exp", PureMath::exp, StrictMath::exp, x);
    }

    @Test
    void exponentialSpecialCases() {
        assertBits(Double.NaN, PureMath.exp(Double.NaN), "exp(NaN)");
        assertBits(Double.POSITIVE_INFINITY, PureMath.exp(Double.POSITIVE_INFINITY), "exp(+Infinity)");
        assertBits(0.0, PureMath.exp(Double.NEGATIVE_INFINITY), "exp(-Infinity)");
        assertBits(1.0, PureMath.exp(0.0), "exp(+0)");
        assertBits(1.0, PureMath.exp(-0.0), "exp(-0)");
        assertBits(Double.POSITIVE_INFINITY, PureMath.exp(710), "exp(710)");
        assertBits(0.0, PureMath.exp(-746), "exp(-746)");
        assertBits(Double.POSITIVE_INFINITY, PureMath.exp(709.7827128933841), "exp(709.7827128933841)");
        assertBits(Double.MIN_VALUE, PureMath.exp(-745.1332191019411), "exp(-745.1332191019411)");
        assertBits(0.0, PureMath.exp(-745.1332191019412), "exp(-745.1332191019412)");
        double[] edges = {
            709.782712893384,
            Math.nextDown(709.782712893384),
            709.79,
            -745.14,
            -708.3964185322641,
            1,
            -1,
            0x1p-54,
            1e-300
        };
        for (double x : edges) {
            checkUnary("exp", PureMath::exp, StrictMath::exp, x);
            checkUnary("exp", PureMath::exp, StrictMath::exp, -x);
        }
    }

    // ---- log

    @Property(tries = TRIES)
    void logarithmOfJqwikDoublesIsWithinOneUlp(@ForAll double x) {
        checkUnary("log", PureMath::log, StrictMath::log, x);
    }

    @Property(tries = TRIES)
    void logarithmOfAnyBitPatternIsWithinOneUlp(@ForAll("anyBits") double x) {
        checkUnary("log", PureMath::log, StrictMath::log, x);
    }

    @Property(tries = TRIES)
    void logarithmNearOneAndOfSubnormalsIsWithinOneUlp(@ForAll("logarithmArguments") double x) {
        checkUnary("log", PureMath::log, StrictMath::log, x);
    }

    @Test
    void logarithmSpecialCases() {
        assertBits(Double.NaN, PureMath.log(Double.NaN), "log(NaN)");
        assertBits(Double.NaN, PureMath.log(-1), "log(-1)");
        assertBits(Double.NaN, PureMath.log(-Double.MIN_VALUE), "log(-MIN_VALUE)");
        assertBits(Double.NaN, PureMath.log(Double.NEGATIVE_INFINITY), "log(-Infinity)");
        assertBits(Double.NEGATIVE_INFINITY, PureMath.log(0.0), "log(+0)");
        assertBits(Double.NEGATIVE_INFINITY, PureMath.log(-0.0), "log(-0)");
        assertBits(Double.POSITIVE_INFINITY, PureMath.log(Double.POSITIVE_INFINITY), "log(+Infinity)");
        assertBits(0.0, PureMath.log(1), "log(1)");
        double[] edges = {
            Double.MIN_VALUE,
            Double.MIN_NORMAL,
            Math.nextDown(Double.MIN_NORMAL),
            Double.MAX_VALUE,
            Math.E,
            2,
            0x1.6a09e667f3bcdp0,
            Math.nextDown(0x1.6a09e667f3bcdp0),
            Math.nextUp(1.0),
            Math.nextDown(1.0)
        };
        for (double x : edges) {
            checkUnary("log", PureMath::log, StrictMath::log, x);
        }
    }

    // ---- sqrt, ceil, floor: exact

    @Property(tries = TRIES)
    void squareRootOfAnyBitPatternIsExact(@ForAll("anyBits") double x) {
        checkExact(x);
    }

    @Property(tries = TRIES)
    void squareRootOfSubnormalsAndNearSquaresIsExact(@ForAll("squareRootArguments") double x) {
        checkExact(x);
    }

    @Property(tries = TRIES)
    void roundingOfJqwikDoublesIsExact(@ForAll double x) {
        checkExact(x);
    }

    @Property(tries = TRIES)
    void roundingOfFractionsAndLargeValuesIsExact(@ForAll("roundingArguments") double x) {
        checkExact(x);
    }

    @Test
    void squareRootAndRoundingSpecialCases() {
        assertBits(Double.NaN, PureMath.sqrt(Double.NaN), "sqrt(NaN)");
        assertBits(Double.NaN, PureMath.sqrt(-1), "sqrt(-1)");
        assertBits(Double.NaN, PureMath.sqrt(Double.NEGATIVE_INFINITY), "sqrt(-Infinity)");
        assertBits(0.0, PureMath.sqrt(0.0), "sqrt(+0)");
        assertBits(-0.0, PureMath.sqrt(-0.0), "sqrt(-0)");
        assertBits(Double.POSITIVE_INFINITY, PureMath.sqrt(Double.POSITIVE_INFINITY), "sqrt(+Infinity)");
        assertBits(0x1p-537, PureMath.sqrt(Double.MIN_VALUE), "sqrt(MIN_VALUE)");
        assertBits(2, PureMath.sqrt(4), "sqrt(4)");
        assertBits(Math.sqrt(2), PureMath.sqrt(2), "sqrt(2)");

        assertBits(-0.0, PureMath.ceil(-0.5), "ceil(-0.5)");
        assertBits(1.0, PureMath.ceil(Double.MIN_VALUE), "ceil(MIN_VALUE)");
        assertBits(-1.0, PureMath.floor(-Double.MIN_VALUE), "floor(-MIN_VALUE)");
        assertBits(0.0, PureMath.floor(0.5), "floor(0.5)");
        assertBits(-2.0, PureMath.floor(-1.5), "floor(-1.5)");
        assertBits(2.0, PureMath.ceil(1.5), "ceil(1.5)");
        for (double x : new double[] {0.0, -0.0, Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY, 0x1p52, 1e300}) {
            assertBits(x, PureMath.ceil(x), "ceil(" + x + ")");
            assertBits(x, PureMath.floor(x), "floor(" + x + ")");
        }
        assertBits(Double.NaN, PureMath.ceil(Double.NaN), "ceil(NaN)");
        assertBits(Double.NaN, PureMath.floor(Double.NaN), "floor(NaN)");
        for (double x :
                new double[] {4503599627370495.5, Math.nextDown(1.0), Math.nextUp(1.0), 0.5, 2.5, 1e15 + 0.25}) {
            checkExact(x);
            checkExact(-x);
        }
    }

    // ---- the checks

    private static void checkTrig(double x) {
        checkUnary("sin", PureMath::sin, StrictMath::sin, x);
        checkUnary("cos", PureMath::cos, StrictMath::cos, x);
        checkUnary("tan", PureMath::tan, StrictMath::tan, x);
    }

    private static void checkInverseSineAndCosine(double x) {
        checkUnary("asin", PureMath::asin, StrictMath::asin, x);
        checkUnary("acos", PureMath::acos, StrictMath::acos, x);
    }

    private static void checkExact(double x) {
        assertWithinUlps("sqrt(" + describe(x) + ")", PureMath.sqrt(x), StrictMath.sqrt(x), 0);
        assertWithinUlps("ceil(" + describe(x) + ")", PureMath.ceil(x), StrictMath.ceil(x), 0);
        assertWithinUlps("floor(" + describe(x) + ")", PureMath.floor(x), StrictMath.floor(x), 0);
    }

    private static void checkUnary(String name, DoubleUnaryOperator pure, DoubleUnaryOperator strict, double x) {
        assertWithinUlps(name + "(" + describe(x) + ")", pure.applyAsDouble(x), strict.applyAsDouble(x), 1);
    }

    private static void checkAngle(double y, double x) {
        assertWithinUlps(
                "atan2(" + describe(y) + ", " + describe(x) + ")", PureMath.atan2(y, x), StrictMath.atan2(y, x), 1);
    }

    /** NaN, zeros and infinities must match StrictMath exactly; other results may differ by maxUlps. */
    private static void assertWithinUlps(String call, double actual, double expected, long maxUlps) {
        if (Double.isNaN(expected) || Double.isNaN(actual)) {
            assertTrue(Double.isNaN(actual) && Double.isNaN(expected), () -> mismatch(call, actual, expected));
        } else if (expected == 0 || actual == 0 || Double.isInfinite(expected) || Double.isInfinite(actual)) {
            assertEquals(
                    Double.doubleToRawLongBits(expected),
                    Double.doubleToRawLongBits(actual),
                    () -> mismatch(call, actual, expected));
        } else if (ulpDistance(actual, expected) > maxUlps) {
            fail(mismatch(call, actual, expected) + ", " + ulpDistance(actual, expected) + " ulps apart");
        }
    }

    private static void assertBits(double expected, double actual, String call) {
        if (Double.isNaN(expected)) {
            assertTrue(Double.isNaN(actual), () -> call + " = " + describe(actual) + ", expected NaN");
        } else {
            assertEquals(
                    Double.doubleToRawLongBits(expected),
                    Double.doubleToRawLongBits(actual),
                    () -> call + " = " + describe(actual) + ", expected " + describe(expected));
        }
    }

    /** The number of doubles from a to b, counting across zero; both finite and nonzero here. */
    private static long ulpDistance(double a, double b) {
        return Math.abs(ordinal(a) - ordinal(b));
    }

    private static long ordinal(double d) {
        long bits = Double.doubleToRawLongBits(d);
        return bits < 0 ? -(bits & Long.MAX_VALUE) : bits;
    }

    private static String mismatch(String call, double actual, double expected) {
        return call + " = " + describe(actual) + " but StrictMath gives " + describe(expected);
    }

    private static String describe(double d) {
        return d + " [" + Double.toHexString(d) + "]";
    }

    // ---- input distributions

    @Provide
    Arbitrary<Double> anyBits() {
        return Arbitraries.longs().map(Double::longBitsToDouble);
    }

    @Provide
    Arbitrary<Double> smallAndMediumAngles() {
        return Arbitraries.oneOf(
                uniform(-10, 10),
                uniform(-Math.PI / 4, Math.PI / 4),
                uniform(-1e6, 1e6),
                uniform(-0x1.921fb54442d18p20 * 1.001, 0x1.921fb54442d18p20 * 1.001),
                magnitudes(0x1p-60, 1));
    }

    @Provide
    Arbitrary<Double> nearMultiplesOfHalfPi() {
        Arbitrary<Long> multiples = Arbitraries.oneOf(
                Arbitraries.longs().between(-1_100_000, 1_100_000),
                Arbitraries.longs().between(-(1L << 53), 1L << 53));
        return Combinators.combine(multiples, Arbitraries.longs().between(-2000, 2000))
                .as((k, step) -> Double.longBitsToDouble(Double.doubleToRawLongBits(k * HALF_PI) + step));
    }

    @Provide
    Arbitrary<Double> hugeAngles() {
        return Arbitraries.oneOf(magnitudes(0x1p20, Double.MAX_VALUE), magnitudes(0x1p20, 0x1p70));
    }

    @Provide
    Arbitrary<Double> unitInterval() {
        return Arbitraries.oneOf(
                uniform(-1, 1),
                uniform(-0.51, 0.51),
                magnitudes(0x1p-60, 1),
                // 1 - d and -1 + d for tiny d
                magnitudes(0x1p-53, 0.5).map(d -> 1 - d),
                magnitudes(0x1p-53, 0.5).map(d -> d - 1),
                nearValues(0.5, 1L << 40),
                nearValues(-0.5, 1L << 40));
    }

    @Provide
    Arbitrary<Double> arcTangentArguments() {
        return Arbitraries.oneOf(
                uniform(-10, 10),
                magnitudes(0x1p-60, 0x1p70),
                nearValues(7.0 / 16, 1L << 40),
                nearValues(11.0 / 16, 1L << 40),
                nearValues(19.0 / 16, 1L << 40),
                nearValues(39.0 / 16, 1L << 40),
                nearValues(-1, 1L << 40));
    }

    @Provide
    Arbitrary<Tuple2<Double, Double>> comparablePoints() {
        Arbitrary<Double> coordinate = Arbitraries.oneOf(uniform(-10, 10), magnitudes(0x1p-1074, Double.MAX_VALUE));
        Arbitrary<Double> ratio = Arbitraries.oneOf(uniform(-3, 3), magnitudes(0x1p-70, 0x1p70));
        return Combinators.combine(coordinate, ratio).as((x, r) -> Tuple.of(x * r, x));
    }

    @Provide
    Arbitrary<Double> exponentialArguments() {
        return Arbitraries.oneOf(
                uniform(-746, 710),
                uniform(-10, 10),
                uniform(700, 709.8),
                uniform(-745.2, -700),
                magnitudes(0x1p-70, 1));
    }

    @Provide
    Arbitrary<Double> logarithmArguments() {
        return Arbitraries.oneOf(
                uniform(0, 10),
                uniform(0.5, 2),
                nearValues(1, 1L << 44),
                Arbitraries.longs().between(1, (1L << 52) - 1).map(Double::longBitsToDouble),
                magnitudes(Double.MIN_VALUE, Double.MAX_VALUE));
    }

    @Provide
    Arbitrary<Double> squareRootArguments() {
        Arbitrary<Double> nearSquares = Combinators.combine(
                        Arbitraries.longs().between(1L << 26, 1L << 27),
                        Arbitraries.integers().between(-1100, 1000),
                        Arbitraries.longs().between(-2, 2))
                .as((k, scale, step) -> {
                    double square = Math.scalb((double) (k * k), scale);
                    return Double.longBitsToDouble(Double.doubleToRawLongBits(square) + step);
                });
        return Arbitraries.oneOf(
                nearSquares,
                Arbitraries.longs().between(0, (1L << 52) - 1).map(Double::longBitsToDouble),
                magnitudes(Double.MIN_VALUE, Double.MAX_VALUE));
    }

    @Provide
    Arbitrary<Double> roundingArguments() {
        return Arbitraries.oneOf(
                uniform(-1e6, 1e6),
                uniform(-2, 2),
                Arbitraries.integers().between(-1000, 1000).map(i -> i + 0.5),
                magnitudes(0x1p50, 0x1p54),
                magnitudes(0x1p-1074, 1));
    }

    /** Uniform in [min, max] with every bit of the fraction random. */
    private static Arbitrary<Double> uniform(double min, double max) {
        return Arbitraries.randomValue(random -> min + (max - min) * random.nextDouble());
    }

    /** Either sign, magnitudes spread evenly over the binades between min and max (both positive). */
    private static Arbitrary<Double> magnitudes(double min, double max) {
        long low = Double.doubleToRawLongBits(min);
        long high = Double.doubleToRawLongBits(max);
        return Combinators.combine(Arbitraries.longs().between(low, high), Arbitraries.of(1.0, -1.0))
                .as((bits, sign) -> sign * Double.longBitsToDouble(bits));
    }

    /** Doubles at most maxSteps representable values away from center. */
    private static Arbitrary<Double> nearValues(double center, long maxSteps) {
        long bits = Double.doubleToRawLongBits(center);
        return Arbitraries.longs().between(-maxSteps, maxSteps).map(step -> Double.longBitsToDouble(bits + step));
    }
}
