package org.tailbench.interp.lower;

/**
 * The dense internal opcodes of lowered code ({@link LoweredFunction#code}), one {@code int} each,
 * followed inline by their operands (documented per opcode; none when not said). Numeric and memory
 * opcodes are the {@link org.tailbench.wasm.Op} of the same name (the lowering maps them by name, see
 * {@link Lowerer}); control flow is replaced by resolved jumps: a {@code target} is an absolute index
 * into {@code code}, {@code keep} the number of values a branch carries and {@code drop} the number
 * of operand slots below them that the branch discards. {@code block}, {@code loop}, {@code nop},
 * {@code end}, {@code else} and the four {@code reinterpret} instructions (no-ops on raw bits) leave
 * nothing.
 *
 * <p>Generated from {@link org.tailbench.wasm.Op} by {@code LOpGenerator} (interp's test sources); do not
 * edit: {@code LOpTableTest} fails when this file differs from the generator's output.
 */
public final class LOp {
    private LOp() {}

    /** target: unconditional jump */
    public static final int JMP = 0;
    /** target: pops an i32, jumps when it is not zero */
    public static final int BR_IF = 1;
    /** target: pops an i32, jumps when it is zero (lowered {@code if}) */
    public static final int BR_UNLESS = 2;
    /** target keep drop: moves the top {@code keep} values down by {@code drop} slots, then jumps */
    public static final int BR_DROP = 3;
    /** target keep drop: pops an i32; when not zero, as BR_DROP */
    public static final int BR_IF_DROP = 4;
    /** n, then n+1 triples (target keep drop): pops an index, picks entry min(index, n) (unsigned) */
    public static final int BR_TABLE = 5;
    /** definedIndex: calls a function defined in this module (same instance) */
    public static final int CALL_LOCAL = 6;
    /** funcIndex: calls an imported function (index in the function index space) */
    public static final int CALL_IMPORT = 7;
    /** definedIndex: tail call, replacing the current frame */
    public static final int RETURN_CALL_LOCAL = 8;
    /** funcIndex: tail call of an imported function */
    public static final int RETURN_CALL_IMPORT = 9;
    /** traps */
    public static final int UNREACHABLE = 10;
    /** returns the top (result count) values to the caller */
    public static final int RETURN = 11;
    /** typeIndex tableIndex */
    public static final int CALL_INDIRECT = 12;
    /** typeIndex tableIndex: tail call */
    public static final int RETURN_CALL_INDIRECT = 13;
    public static final int DROP = 14;
    /** also lowers {@code select t} */
    public static final int SELECT = 15;
    /** localIndex (params first) */
    public static final int LOCAL_GET = 16;
    /** localIndex */
    public static final int LOCAL_SET = 17;
    /** localIndex */
    public static final int LOCAL_TEE = 18;
    /** globalIndex */
    public static final int GLOBAL_GET = 19;
    /** globalIndex */
    public static final int GLOBAL_SET = 20;
    /** tableIndex */
    public static final int TABLE_GET = 21;
    /** tableIndex */
    public static final int TABLE_SET = 22;
    /** offset (u32 bits) */
    public static final int I32_LOAD = 23;
    /** offset (u32 bits) */
    public static final int I64_LOAD = 24;
    /** offset (u32 bits) */
    public static final int F32_LOAD = 25;
    /** offset (u32 bits) */
    public static final int F64_LOAD = 26;
    /** offset (u32 bits) */
    public static final int I32_LOAD8_S = 27;
    /** offset (u32 bits) */
    public static final int I32_LOAD8_U = 28;
    /** offset (u32 bits) */
    public static final int I32_LOAD16_S = 29;
    /** offset (u32 bits) */
    public static final int I32_LOAD16_U = 30;
    /** offset (u32 bits) */
    public static final int I64_LOAD8_S = 31;
    /** offset (u32 bits) */
    public static final int I64_LOAD8_U = 32;
    /** offset (u32 bits) */
    public static final int I64_LOAD16_S = 33;
    /** offset (u32 bits) */
    public static final int I64_LOAD16_U = 34;
    /** offset (u32 bits) */
    public static final int I64_LOAD32_S = 35;
    /** offset (u32 bits) */
    public static final int I64_LOAD32_U = 36;
    /** offset (u32 bits) */
    public static final int I32_STORE = 37;
    /** offset (u32 bits) */
    public static final int I64_STORE = 38;
    /** offset (u32 bits) */
    public static final int F32_STORE = 39;
    /** offset (u32 bits) */
    public static final int F64_STORE = 40;
    /** offset (u32 bits) */
    public static final int I32_STORE8 = 41;
    /** offset (u32 bits) */
    public static final int I32_STORE16 = 42;
    /** offset (u32 bits) */
    public static final int I64_STORE8 = 43;
    /** offset (u32 bits) */
    public static final int I64_STORE16 = 44;
    /** offset (u32 bits) */
    public static final int I64_STORE32 = 45;
    public static final int MEMORY_SIZE = 46;
    public static final int MEMORY_GROW = 47;
    /** value */
    public static final int I32_CONST = 48;
    /** index into the constant pool */
    public static final int I64_CONST = 49;
    /** raw bits */
    public static final int F32_CONST = 50;
    /** index into the constant pool */
    public static final int F64_CONST = 51;
    public static final int I32_EQZ = 52;
    public static final int I32_EQ = 53;
    public static final int I32_NE = 54;
    public static final int I32_LT_S = 55;
    public static final int I32_LT_U = 56;
    public static final int I32_GT_S = 57;
    public static final int I32_GT_U = 58;
    public static final int I32_LE_S = 59;
    public static final int I32_LE_U = 60;
    public static final int I32_GE_S = 61;
    public static final int I32_GE_U = 62;
    public static final int I64_EQZ = 63;
    public static final int I64_EQ = 64;
    public static final int I64_NE = 65;
    public static final int I64_LT_S = 66;
    public static final int I64_LT_U = 67;
    public static final int I64_GT_S = 68;
    public static final int I64_GT_U = 69;
    public static final int I64_LE_S = 70;
    public static final int I64_LE_U = 71;
    public static final int I64_GE_S = 72;
    public static final int I64_GE_U = 73;
    public static final int F32_EQ = 74;
    public static final int F32_NE = 75;
    public static final int F32_LT = 76;
    public static final int F32_GT = 77;
    public static final int F32_LE = 78;
    public static final int F32_GE = 79;
    public static final int F64_EQ = 80;
    public static final int F64_NE = 81;
    public static final int F64_LT = 82;
    public static final int F64_GT = 83;
    public static final int F64_LE = 84;
    public static final int F64_GE = 85;
    public static final int I32_CLZ = 86;
    public static final int I32_CTZ = 87;
    public static final int I32_POPCNT = 88;
    public static final int I32_ADD = 89;
    public static final int I32_SUB = 90;
    public static final int I32_MUL = 91;
    public static final int I32_DIV_S = 92;
    public static final int I32_DIV_U = 93;
    public static final int I32_REM_S = 94;
    public static final int I32_REM_U = 95;
    public static final int I32_AND = 96;
    public static final int I32_OR = 97;
    public static final int I32_XOR = 98;
    public static final int I32_SHL = 99;
    public static final int I32_SHR_S = 100;
    public static final int I32_SHR_U = 101;
    public static final int I32_ROTL = 102;
    public static final int I32_ROTR = 103;
    public static final int I64_CLZ = 104;
    public static final int I64_CTZ = 105;
    public static final int I64_POPCNT = 106;
    public static final int I64_ADD = 107;
    public static final int I64_SUB = 108;
    public static final int I64_MUL = 109;
    public static final int I64_DIV_S = 110;
    public static final int I64_DIV_U = 111;
    public static final int I64_REM_S = 112;
    public static final int I64_REM_U = 113;
    public static final int I64_AND = 114;
    public static final int I64_OR = 115;
    public static final int I64_XOR = 116;
    public static final int I64_SHL = 117;
    public static final int I64_SHR_S = 118;
    public static final int I64_SHR_U = 119;
    public static final int I64_ROTL = 120;
    public static final int I64_ROTR = 121;
    public static final int F32_ABS = 122;
    public static final int F32_NEG = 123;
    public static final int F32_CEIL = 124;
    public static final int F32_FLOOR = 125;
    public static final int F32_TRUNC = 126;
    public static final int F32_NEAREST = 127;
    public static final int F32_SQRT = 128;
    public static final int F32_ADD = 129;
    public static final int F32_SUB = 130;
    public static final int F32_MUL = 131;
    public static final int F32_DIV = 132;
    public static final int F32_MIN = 133;
    public static final int F32_MAX = 134;
    public static final int F32_COPYSIGN = 135;
    public static final int F64_ABS = 136;
    public static final int F64_NEG = 137;
    public static final int F64_CEIL = 138;
    public static final int F64_FLOOR = 139;
    public static final int F64_TRUNC = 140;
    public static final int F64_NEAREST = 141;
    public static final int F64_SQRT = 142;
    public static final int F64_ADD = 143;
    public static final int F64_SUB = 144;
    public static final int F64_MUL = 145;
    public static final int F64_DIV = 146;
    public static final int F64_MIN = 147;
    public static final int F64_MAX = 148;
    public static final int F64_COPYSIGN = 149;
    public static final int I32_WRAP_I64 = 150;
    public static final int I32_TRUNC_F32_S = 151;
    public static final int I32_TRUNC_F32_U = 152;
    public static final int I32_TRUNC_F64_S = 153;
    public static final int I32_TRUNC_F64_U = 154;
    public static final int I64_EXTEND_I32_S = 155;
    public static final int I64_EXTEND_I32_U = 156;
    public static final int I64_TRUNC_F32_S = 157;
    public static final int I64_TRUNC_F32_U = 158;
    public static final int I64_TRUNC_F64_S = 159;
    public static final int I64_TRUNC_F64_U = 160;
    public static final int F32_CONVERT_I32_S = 161;
    public static final int F32_CONVERT_I32_U = 162;
    public static final int F32_CONVERT_I64_S = 163;
    public static final int F32_CONVERT_I64_U = 164;
    public static final int F32_DEMOTE_F64 = 165;
    public static final int F64_CONVERT_I32_S = 166;
    public static final int F64_CONVERT_I32_U = 167;
    public static final int F64_CONVERT_I64_S = 168;
    public static final int F64_CONVERT_I64_U = 169;
    public static final int F64_PROMOTE_F32 = 170;
    public static final int I32_EXTEND8_S = 171;
    public static final int I32_EXTEND16_S = 172;
    public static final int I64_EXTEND8_S = 173;
    public static final int I64_EXTEND16_S = 174;
    public static final int I64_EXTEND32_S = 175;
    public static final int REF_NULL = 176;
    public static final int REF_IS_NULL = 177;
    /** funcIndex */
    public static final int REF_FUNC = 178;
    public static final int I32_TRUNC_SAT_F32_S = 179;
    public static final int I32_TRUNC_SAT_F32_U = 180;
    public static final int I32_TRUNC_SAT_F64_S = 181;
    public static final int I32_TRUNC_SAT_F64_U = 182;
    public static final int I64_TRUNC_SAT_F32_S = 183;
    public static final int I64_TRUNC_SAT_F32_U = 184;
    public static final int I64_TRUNC_SAT_F64_S = 185;
    public static final int I64_TRUNC_SAT_F64_U = 186;
    /** dataIndex */
    public static final int MEMORY_INIT = 187;
    /** dataIndex */
    public static final int DATA_DROP = 188;
    public static final int MEMORY_COPY = 189;
    public static final int MEMORY_FILL = 190;
    /** elemIndex tableIndex */
    public static final int TABLE_INIT = 191;
    /** elemIndex */
    public static final int ELEM_DROP = 192;
    /** dstTable srcTable */
    public static final int TABLE_COPY = 193;
    /** tableIndex */
    public static final int TABLE_GROW = 194;
    /** tableIndex */
    public static final int TABLE_SIZE = 195;
    /** tableIndex */
    public static final int TABLE_FILL = 196;

    /** target: fused {@code i32.eq} + {@code br_if}: pops y then x, jumps when the comparison holds */
    public static final int BR_IF_I32_EQ = 197;
    /** target: fused {@code i32.ne} + {@code br_if}: pops y then x, jumps when the comparison holds */
    public static final int BR_IF_I32_NE = 198;
    /** target: fused {@code i32.lt_s} + {@code br_if}: pops y then x, jumps when the comparison holds */
    public static final int BR_IF_I32_LT_S = 199;
    /** target: fused {@code i32.lt_u} + {@code br_if}: pops y then x, jumps when the comparison holds */
    public static final int BR_IF_I32_LT_U = 200;
    /** target: fused {@code i32.gt_s} + {@code br_if}: pops y then x, jumps when the comparison holds */
    public static final int BR_IF_I32_GT_S = 201;
    /** target: fused {@code i32.gt_u} + {@code br_if}: pops y then x, jumps when the comparison holds */
    public static final int BR_IF_I32_GT_U = 202;
    /** target: fused {@code i32.le_s} + {@code br_if}: pops y then x, jumps when the comparison holds */
    public static final int BR_IF_I32_LE_S = 203;
    /** target: fused {@code i32.le_u} + {@code br_if}: pops y then x, jumps when the comparison holds */
    public static final int BR_IF_I32_LE_U = 204;
    /** target: fused {@code i32.ge_s} + {@code br_if}: pops y then x, jumps when the comparison holds */
    public static final int BR_IF_I32_GE_S = 205;
    /** target: fused {@code i32.ge_u} + {@code br_if}: pops y then x, jumps when the comparison holds */
    public static final int BR_IF_I32_GE_U = 206;

    /** localIndex localIndex: superinstruction {@code local.get; local.get} (switch only, when selected) */
    public static final int LOCAL_GET_LOCAL_GET = 207;
    /** localIndex value: superinstruction {@code local.get; i32.const} (switch only, when selected) */
    public static final int LOCAL_GET_I32_CONST = 208;
    /** localIndex offset: superinstruction {@code local.get; i32.load} (switch only, when selected) */
    public static final int LOCAL_GET_I32_LOAD = 209;
    /** localIndex offset: superinstruction {@code local.get; i32.load8_u} (switch only, when selected) */
    public static final int LOCAL_GET_I32_LOAD8_U = 210;
    /** localIndex offset: superinstruction {@code local.get; i32.store} (switch only, when selected) */
    public static final int LOCAL_GET_I32_STORE = 211;
    /** localIndex target: superinstruction {@code local.get; br_if} (switch only, when selected) */
    public static final int LOCAL_GET_BR_IF = 212;
    /** localIndex localIndex: superinstruction {@code local.get; local.set} (switch only, when selected) */
    public static final int LOCAL_GET_LOCAL_SET = 213;
    /** localIndex localIndex: superinstruction {@code local.set; local.get} (switch only, when selected) */
    public static final int LOCAL_SET_LOCAL_GET = 214;
    /** localIndex localIndex: superinstruction {@code local.tee; local.get} (switch only, when selected) */
    public static final int LOCAL_TEE_LOCAL_GET = 215;
    /** value: superinstruction {@code i32.const; i32.add} (switch only, when selected) */
    public static final int I32_CONST_I32_ADD = 216;
    /** value: superinstruction {@code i32.const; i32.and} (switch only, when selected) */
    public static final int I32_CONST_I32_AND = 217;
    /** value: superinstruction {@code i32.const; i32.shl} (switch only, when selected) */
    public static final int I32_CONST_I32_SHL = 218;
    /** value: superinstruction {@code i32.const; i32.shr_u} (switch only, when selected) */
    public static final int I32_CONST_I32_SHR_U = 219;
    /** value localIndex: superinstruction {@code i32.const; local.set} (switch only, when selected) */
    public static final int I32_CONST_LOCAL_SET = 220;
    /** localIndex: superinstruction {@code i32.add; local.set} (switch only, when selected) */
    public static final int I32_ADD_LOCAL_SET = 221;
    /** offset localIndex: superinstruction {@code i32.load; local.set} (switch only, when selected) */
    public static final int I32_LOAD_LOCAL_SET = 222;
    /** localIndex: superinstruction {@code i32.add; local.tee} (switch only, when selected) */
    public static final int I32_ADD_LOCAL_TEE = 223;
    /** offset localIndex: superinstruction {@code i32.load; local.tee} (switch only, when selected) */
    public static final int I32_LOAD_LOCAL_TEE = 224;
    /** localIndex value: superinstruction {@code local.tee; i32.const} (switch only, when selected) */
    public static final int LOCAL_TEE_I32_CONST = 225;
    /** value offset: superinstruction {@code i32.const; i32.load} (switch only, when selected) */
    public static final int I32_CONST_I32_LOAD = 226;
    /** localIndex value: superinstruction {@code local.get; i32.const; i32.add} (switch only, when selected) */
    public static final int LOCAL_GET_I32_CONST_I32_ADD = 227;
    /** localIndex localIndex: superinstruction {@code local.get; local.get; i32.add} (switch only, when selected) */
    public static final int LOCAL_GET_LOCAL_GET_I32_ADD = 228;
    /** localIndex value: superinstruction {@code local.get; i32.const; i32.and} (switch only, when selected) */
    public static final int LOCAL_GET_I32_CONST_I32_AND = 229;
    /** localIndex value: superinstruction {@code local.get; i32.const; i32.shl} (switch only, when selected) */
    public static final int LOCAL_GET_I32_CONST_I32_SHL = 230;
    /** localIndex localIndex offset: superinstruction {@code local.get; local.get; i32.store} (switch only, when selected) */
    public static final int LOCAL_GET_LOCAL_GET_I32_STORE = 231;
    /** localIndex offset localIndex: superinstruction {@code local.get; i32.load; local.set} (switch only, when selected) */
    public static final int LOCAL_GET_I32_LOAD_LOCAL_SET = 232;
    /** localIndex target: superinstruction {@code local.get; i32.eqz; br_if} (switch only, when selected) */
    public static final int LOCAL_GET_I32_EQZ_BR_IF = 233;
    /** value target: superinstruction {@code i32.const; i32.eq; br_if} (switch only, when selected) */
    public static final int I32_CONST_I32_EQ_BR_IF = 234;
    /** value target: superinstruction {@code i32.const; i32.ne; br_if} (switch only, when selected) */
    public static final int I32_CONST_I32_NE_BR_IF = 235;
    /** value target: superinstruction {@code i32.const; i32.lt_s; br_if} (switch only, when selected) */
    public static final int I32_CONST_I32_LT_S_BR_IF = 236;
    /** value target: superinstruction {@code i32.const; i32.lt_u; br_if} (switch only, when selected) */
    public static final int I32_CONST_I32_LT_U_BR_IF = 237;
    /** value target: superinstruction {@code i32.const; i32.gt_s; br_if} (switch only, when selected) */
    public static final int I32_CONST_I32_GT_S_BR_IF = 238;
    /** value target: superinstruction {@code i32.const; i32.gt_u; br_if} (switch only, when selected) */
    public static final int I32_CONST_I32_GT_U_BR_IF = 239;

    /**
     * Opcode-profile mode only ({@link Lowerer#lowerCounting}): operands {@code i, slot}: Wasm
     * instruction {@code i} of the function's {@link org.tailbench.wasm.Code} is about to execute;
     * {@code slot} is the frame's hidden local holding the previously executed instruction (-1 at entry).
     */
    public static final int PROBE = 240;

    /** Number of internal opcodes. */
    public static final int COUNT = 241;

    /** Names by opcode, for disassembly and errors. */
    public static final String[] NAMES = {
        "JMP",
        "BR_IF",
        "BR_UNLESS",
        "BR_DROP",
        "BR_IF_DROP",
        "BR_TABLE",
        "CALL_LOCAL",
        "CALL_IMPORT",
        "RETURN_CALL_LOCAL",
        "RETURN_CALL_IMPORT",
        "UNREACHABLE",
        "RETURN",
        "CALL_INDIRECT",
        "RETURN_CALL_INDIRECT",
        "DROP",
        "SELECT",
        "LOCAL_GET",
        "LOCAL_SET",
        "LOCAL_TEE",
        "GLOBAL_GET",
        "GLOBAL_SET",
        "TABLE_GET",
        "TABLE_SET",
        "I32_LOAD",
        "I64_LOAD",
        "F32_LOAD",
        "F64_LOAD",
        "I32_LOAD8_S",
        "I32_LOAD8_U",
        "I32_LOAD16_S",
        "I32_LOAD16_U",
        "I64_LOAD8_S",
        "I64_LOAD8_U",
        "I64_LOAD16_S",
        "I64_LOAD16_U",
        "I64_LOAD32_S",
        "I64_LOAD32_U",
        "I32_STORE",
        "I64_STORE",
        "F32_STORE",
        "F64_STORE",
        "I32_STORE8",
        "I32_STORE16",
        "I64_STORE8",
        "I64_STORE16",
        "I64_STORE32",
        "MEMORY_SIZE",
        "MEMORY_GROW",
        "I32_CONST",
        "I64_CONST",
        "F32_CONST",
        "F64_CONST",
        "I32_EQZ",
        "I32_EQ",
        "I32_NE",
        "I32_LT_S",
        "I32_LT_U",
        "I32_GT_S",
        "I32_GT_U",
        "I32_LE_S",
        "I32_LE_U",
        "I32_GE_S",
        "I32_GE_U",
        "I64_EQZ",
        "I64_EQ",
        "I64_NE",
        "I64_LT_S",
        "I64_LT_U",
        "I64_GT_S",
        "I64_GT_U",
        "I64_LE_S",
        "I64_LE_U",
        "I64_GE_S",
        "I64_GE_U",
        "F32_EQ",
        "F32_NE",
        "F32_LT",
        "F32_GT",
        "F32_LE",
        "F32_GE",
        "F64_EQ",
        "F64_NE",
        "F64_LT",
        "F64_GT",
        "F64_LE",
        "F64_GE",
        "I32_CLZ",
        "I32_CTZ",
        "I32_POPCNT",
        "I32_ADD",
        "I32_SUB",
        "I32_MUL",
        "I32_DIV_S",
        "I32_DIV_U",
        "I32_REM_S",
        "I32_REM_U",
        "I32_AND",
        "I32_OR",
        "I32_XOR",
        "I32_SHL",
        "I32_SHR_S",
        "I32_SHR_U",
        "I32_ROTL",
        "I32_ROTR",
        "I64_CLZ",
        "I64_CTZ",
        "I64_POPCNT",
        "I64_ADD",
        "I64_SUB",
        "I64_MUL",
        "I64_DIV_S",
        "I64_DIV_U",
        "I64_REM_S",
        "I64_REM_U",
        "I64_AND",
        "I64_OR",
        "I64_XOR",
        "I64_SHL",
        "I64_SHR_S",
        "I64_SHR_U",
        "I64_ROTL",
        "I64_ROTR",
        "F32_ABS",
        "F32_NEG",
        "F32_CEIL",
        "F32_FLOOR",
        "F32_TRUNC",
        "F32_NEAREST",
        "F32_SQRT",
        "F32_ADD",
        "F32_SUB",
        "F32_MUL",
        "F32_DIV",
        "F32_MIN",
        "F32_MAX",
        "F32_COPYSIGN",
        "F64_ABS",
        "F64_NEG",
        "F64_CEIL",
        "F64_FLOOR",
        "F64_TRUNC",
        "F64_NEAREST",
        "F64_SQRT",
        "F64_ADD",
        "F64_SUB",
        "F64_MUL",
        "F64_DIV",
        "F64_MIN",
        "F64_MAX",
        "F64_COPYSIGN",
        "I32_WRAP_I64",
        "I32_TRUNC_F32_S",
        "I32_TRUNC_F32_U",
        "I32_TRUNC_F64_S",
        "I32_TRUNC_F64_U",
        "I64_EXTEND_I32_S",
        "I64_EXTEND_I32_U",
        "I64_TRUNC_F32_S",
        "I64_TRUNC_F32_U",
        "I64_TRUNC_F64_S",
        "I64_TRUNC_F64_U",
        "F32_CONVERT_I32_S",
        "F32_CONVERT_I32_U",
        "F32_CONVERT_I64_S",
        "F32_CONVERT_I64_U",
        "F32_DEMOTE_F64",
        "F64_CONVERT_I32_S",
        "F64_CONVERT_I32_U",
        "F64_CONVERT_I64_S",
        "F64_CONVERT_I64_U",
        "F64_PROMOTE_F32",
        "I32_EXTEND8_S",
        "I32_EXTEND16_S",
        "I64_EXTEND8_S",
        "I64_EXTEND16_S",
        "I64_EXTEND32_S",
        "REF_NULL",
        "REF_IS_NULL",
        "REF_FUNC",
        "I32_TRUNC_SAT_F32_S",
        "I32_TRUNC_SAT_F32_U",
        "I32_TRUNC_SAT_F64_S",
        "I32_TRUNC_SAT_F64_U",
        "I64_TRUNC_SAT_F32_S",
        "I64_TRUNC_SAT_F32_U",
        "I64_TRUNC_SAT_F64_S",
        "I64_TRUNC_SAT_F64_U",
        "MEMORY_INIT",
        "DATA_DROP",
        "MEMORY_COPY",
        "MEMORY_FILL",
        "TABLE_INIT",
        "ELEM_DROP",
        "TABLE_COPY",
        "TABLE_GROW",
        "TABLE_SIZE",
        "TABLE_FILL",
        "BR_IF_I32_EQ",
        "BR_IF_I32_NE",
        "BR_IF_I32_LT_S",
        "BR_IF_I32_LT_U",
        "BR_IF_I32_GT_S",
        "BR_IF_I32_GT_U",
        "BR_IF_I32_LE_S",
        "BR_IF_I32_LE_U",
        "BR_IF_I32_GE_S",
        "BR_IF_I32_GE_U",
        "LOCAL_GET_LOCAL_GET",
        "LOCAL_GET_I32_CONST",
        "LOCAL_GET_I32_LOAD",
        "LOCAL_GET_I32_LOAD8_U",
        "LOCAL_GET_I32_STORE",
        "LOCAL_GET_BR_IF",
        "LOCAL_GET_LOCAL_SET",
        "LOCAL_SET_LOCAL_GET",
        "LOCAL_TEE_LOCAL_GET",
        "I32_CONST_I32_ADD",
        "I32_CONST_I32_AND",
        "I32_CONST_I32_SHL",
        "I32_CONST_I32_SHR_U",
        "I32_CONST_LOCAL_SET",
        "I32_ADD_LOCAL_SET",
        "I32_LOAD_LOCAL_SET",
        "I32_ADD_LOCAL_TEE",
        "I32_LOAD_LOCAL_TEE",
        "LOCAL_TEE_I32_CONST",
        "I32_CONST_I32_LOAD",
        "LOCAL_GET_I32_CONST_I32_ADD",
        "LOCAL_GET_LOCAL_GET_I32_ADD",
        "LOCAL_GET_I32_CONST_I32_AND",
        "LOCAL_GET_I32_CONST_I32_SHL",
        "LOCAL_GET_LOCAL_GET_I32_STORE",
        "LOCAL_GET_I32_LOAD_LOCAL_SET",
        "LOCAL_GET_I32_EQZ_BR_IF",
        "I32_CONST_I32_EQ_BR_IF",
        "I32_CONST_I32_NE_BR_IF",
        "I32_CONST_I32_LT_S_BR_IF",
        "I32_CONST_I32_LT_U_BR_IF",
        "I32_CONST_I32_GT_S_BR_IF",
        "I32_CONST_I32_GT_U_BR_IF",
        "PROBE"
    };
}
