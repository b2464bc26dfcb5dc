package org.tailbench.spectest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;
import org.tailbench.wasm.ValType;

/** Value parsing and result matching as wast2json writes values (unsigned decimal bit patterns). */
class SpecValuesTest {
    @Test
    void integersAreUnsignedDecimalBitPatterns() {
        assertThat(SpecValues.parse("i32", "4294967295")).isEqualTo(-1L);
        assertThat(SpecValues.parse("i32", "2147483648")).isEqualTo((long) Integer.MIN_VALUE);
        assertThat(SpecValues.parse("i64", "18446744073709551615")).isEqualTo(-1L);
        assertThat(SpecValues.parse("i64", "9223372036854775808")).isEqualTo(Long.MIN_VALUE);
        assertThat(SpecValues.parse("f32", "1065353216")).isEqualTo((long) Float.floatToRawIntBits(1.0f));
        assertThat(SpecValues.parse("f64", "4607182418800017408")).isEqualTo(Double.doubleToRawLongBits(1.0));
        assertThat(SpecValues.parse("externref", "3")).isEqualTo(3L);
        assertThat(SpecValues.parse("externref", "null")).isEqualTo(ValType.NULL_REF);
        assertThat(SpecValues.parse("funcref", "null")).isEqualTo(ValType.NULL_REF);
        assertThatThrownBy(() -> SpecValues.parse("v128", "0")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> SpecValues.parse("i32", "x1")).isInstanceOf(IllegalArgumentException.class).hasMessageContaining("x1");
    }

    @Test
    void i32ResultsCompareOnTheLow32Bits() {
        // an engine may hand back an i32 zero-extended; -1 must still match "4294967295"
        assertThat(SpecValues.matches("i32", "4294967295", 0xFFFFFFFFL)).isTrue();
        assertThat(SpecValues.matches("i32", "4294967295", -1L)).isTrue();
        assertThat(SpecValues.matches("i32", "1", 2)).isFalse();
        assertThat(SpecValues.matches("i64", "4294967295", -1L)).isFalse();
    }

    @ParameterizedTest(name = "f32 bits {0}: canonical={1} arithmetic={2}")
    @CsvSource({
            "0x7fc00000, true, true",    // +nan
            "0xffc00000, true, true",    // -nan (sign is free)
            "0x7fc00001, false, true",   // arithmetic: quiet bit set, payload nonzero
            "0x7fe00000, false, true",
            "0x7fa00000, false, false",  // signalling NaN
            "0x7f800000, false, false",  // +inf
            "0x3f800000, false, false"}) // 1.0
    void f32NanPatterns(String hex, boolean canonical, boolean arithmetic) {
        long bits = (int) Long.parseLong(hex.substring(2), 16);
        assertThat(SpecValues.matches("f32", "nan:canonical", bits)).isEqualTo(canonical);
        assertThat(SpecValues.matches("f32", "nan:arithmetic", bits)).isEqualTo(arithmetic);
    }

    @ParameterizedTest(name = "f64 bits {0}: canonical={1} arithmetic={2}")
    @CsvSource({
            "7ff8000000000000, true, true",
            "fff8000000000000, true, true",
            "7ff8000000000001, false, true",
            "7ff4000000000000, false, false",
            "7ff0000000000000, false, false",
            "3ff0000000000000, false, false"})
    void f64NanPatterns(String hex, boolean canonical, boolean arithmetic) {
        long bits = Long.parseUnsignedLong(hex, 16);
        assertThat(SpecValues.matches("f64", "nan:canonical", bits)).isEqualTo(canonical);
        assertThat(SpecValues.matches("f64", "nan:arithmetic", bits)).isEqualTo(arithmetic);
    }

    @Test
    void floatsCompareByBitsNotByValue() {
        long negZero = Float.floatToRawIntBits(-0.0f);
        assertThat(SpecValues.matches("f32", "2147483648", negZero)).isTrue();
        assertThat(SpecValues.matches("f32", "0", negZero)).isFalse();
        assertThat(SpecValues.matches("f64", "0", Double.doubleToRawLongBits(-0.0))).isFalse();
        // a specific NaN payload is compared exactly
        assertThat(SpecValues.matches("f32", "2143289344", 0x7fc00001)).isFalse();
    }

    @Test
    void references() {
        assertThat(SpecValues.matches("externref", "null", ValType.NULL_REF)).isTrue();
        assertThat(SpecValues.matches("externref", "1", 1)).isTrue();
        assertThat(SpecValues.matches("externref", "1", 2)).isFalse();
        assertThat(SpecValues.matches("externref", "1", ValType.NULL_REF)).isFalse();
        assertThat(SpecValues.matches("funcref", "null", ValType.NULL_REF)).isTrue();
        assertThat(SpecValues.matches("funcref", "null", 0)).isFalse();
        assertThat(SpecValues.matches("funcref", null, 0)).isTrue();   // any non-null function
        assertThat(SpecValues.matches("funcref", null, ValType.NULL_REF)).isFalse();
    }
}
