package org.tailbench.aot;

import static org.tailbench.aot.MethodRefs.resolve;
import static org.tailbench.aot.MethodRefs.resolveVirtual;

import java.io.Serializable;
import java.lang.foreign.MemorySegment;
import java.lang.invoke.CallSite;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import org.tailbench.aot.MethodRefs.StaticCall;
import org.tailbench.aot.MethodRefs.VirtualCall;
import org.tailbench.aot.rt.AotContext;
import org.tailbench.aot.rt.Boundary;
import org.tailbench.aot.rt.Linkage;
import org.tailbench.aot.rt.Rt;
import org.tailbench.aot.rt.Traps;
import org.tailbench.runtime.FunctionInstance;
import org.tailbench.runtime.Memory;
import org.tailbench.runtime.Trap;
import org.tailbench.wasm.ValType;

/**
 * The methods of the aot runtime ({@code org.tailbench.aot.rt}) and of core's {@link Memory} that generated code
 * calls, named by method references the Java compiler checks ({@link MethodRefs}): renaming such a method, or
 * changing its parameters, fails the build instead of the generated class. The functional interfaces below give
 * each method's shape ({@code C} = {@link AotContext}, {@code A} = {@code long[]} of encoded Wasm values,
 * {@code F} = {@link FunctionInstance}, then the result after the underscore). Loads and stores are in
 * {@link MemoryCalls}; the shared numeric semantics in {@link NumericGen#SHARED}.
 */
final class RtCalls {
    private RtCalls() {}

    interface C_V extends Serializable { void apply(AotContext c); }
    interface IC_V extends Serializable { void apply(int a, AotContext c); }
    interface IC_I extends Serializable { int apply(int a, AotContext c); }
    interface IC_J extends Serializable { long apply(int a, AotContext c); }
    interface IC_F extends Serializable { float apply(int a, AotContext c); }
    interface IC_D extends Serializable { double apply(int a, AotContext c); }
    interface JIC_V extends Serializable { void apply(long v, int a, AotContext c); }
    interface IIC_J extends Serializable { long apply(int a, int b, AotContext c); }
    interface IIIC_V extends Serializable { void apply(int a, int b, int n, AotContext c); }
    interface IIIC_Z extends Serializable { boolean apply(int a, int b, int d, AotContext c); }
    interface IIIC_F extends Serializable { FunctionInstance apply(int a, int b, int d, AotContext c); }
    interface IIIIC_V extends Serializable { void apply(int a, int b, int n, int d, AotContext c); }
    interface IIIIC_Z extends Serializable { boolean apply(int a, int b, int d, int e, AotContext c); }
    interface IIIIIC_V extends Serializable { void apply(int a, int b, int n, int d, int e, AotContext c); }
    interface IJIC_V extends Serializable { void apply(int a, long v, int b, AotContext c); }
    interface IJIIC_V extends Serializable { void apply(int a, long v, int n, int b, AotContext c); }
    interface JIIC_I extends Serializable { int apply(long v, int n, int b, AotContext c); }
    interface FC_I extends Serializable { int apply(FunctionInstance f, AotContext c); }
    interface IAC_J extends Serializable { long apply(int f, long[] args, AotContext c); }
    interface FAC_A extends Serializable { long[] apply(FunctionInstance f, long[] args, AotContext c); }
    interface AC_V extends Serializable { void apply(long[] values, AotContext c); }
    interface AIC_A extends Serializable { long[] apply(long[] args, int f, AotContext c); }
    interface AIC_J extends Serializable { long apply(long[] args, int f, AotContext c); }
    interface NoArg_T extends Serializable { Trap get(); }
    interface I_E extends Serializable { IllegalStateException apply(int f); }
    interface T_T extends Serializable { Trap apply(Trap t); }
    interface Of extends Serializable { Linkage apply(MethodHandles.Lookup caller) throws IllegalAccessException; }
    interface Bootstrap extends Serializable {
        CallSite apply(MethodHandles.Lookup caller, String name, MethodType type, int function) throws ReflectiveOperationException;
    }
    interface View<V> extends Serializable { V apply(Memory m); }

    // cross-group dispatch (named classes: a group's dispatch class switches on the callee's group)
    static final StaticCall DISPATCH_CLASS = resolve((IC_I) Rt::dispatchClass);
    static final StaticCall NOT_DISPATCHED = resolve((I_E) Rt::notDispatched);

    // globals and references
    static final StaticCall GLOBAL_I = resolve((IC_I) Rt::globalI);
    static final StaticCall GLOBAL_J = resolve((IC_J) Rt::globalJ);
    static final StaticCall GLOBAL_F = resolve((IC_F) Rt::globalF);
    static final StaticCall GLOBAL_D = resolve((IC_D) Rt::globalD);
    static final StaticCall SET_GLOBAL = resolve((JIC_V) Rt::setGlobal);
    static final StaticCall REF_FUNC = resolve((IC_J) Rt::refFunc);

    // memory and table instructions other than loads and stores
    static final StaticCall MEMORY_GROW = resolve((IC_I) Rt::memoryGrow);
    static final StaticCall MEMORY_FILL = resolve((IIIC_V) Rt::memoryFill);
    static final StaticCall MEMORY_COPY = resolve((IIIC_V) Rt::memoryCopy);
    static final StaticCall MEMORY_INIT = resolve((IIIIC_V) Rt::memoryInit);
    static final StaticCall DATA_DROP = resolve((IC_V) Rt::dataDrop);
    static final StaticCall TABLE_GET = resolve((IIC_J) Rt::tableGet);
    static final StaticCall TABLE_SET = resolve((IJIC_V) Rt::tableSet);
    static final StaticCall TABLE_SIZE = resolve((IC_I) Rt::tableSize);
    static final StaticCall TABLE_GROW = resolve((JIIC_I) Rt::tableGrow);
    static final StaticCall TABLE_FILL = resolve((IJIIC_V) Rt::tableFill);
    static final StaticCall TABLE_COPY = resolve((IIIIIC_V) Rt::tableCopy);
    static final StaticCall TABLE_INIT = resolve((IIIIIC_V) Rt::tableInit);
    static final StaticCall ELEM_DROP = resolve((IC_V) Rt::elemDrop);
    /** {@code Memory.segment()}: the method's memory view when it is a {@link MemorySegment} */
    static final VirtualCall SEGMENT = resolveVirtual((View<MemorySegment>) Memory::segment);
    /** {@code Memory.heapArray()}: the method's memory view when it is a {@code byte[]} */
    static final VirtualCall HEAP_ARRAY = resolveVirtual((View<byte[]>) Memory::heapArray);

    // calls
    static final StaticCall CALL_IMPORT = resolve((AIC_A) Boundary::callImport);
    static final StaticCall SLOW_ENTER = resolve((AIC_J) Boundary::slowEnter);
    static final StaticCall LEAVE = resolve((C_V) Rt::leave);
    static final StaticCall COUNT_TAIL_CALL = resolve((IC_V) Rt::countTailCall);
    static final StaticCall RESOLVE = resolve((IIIC_F) Rt::resolve);
    static final StaticCall LOCAL_INDEX = resolve((FC_I) Rt::localIndex);
    static final StaticCall CALL_BOXED = resolve((FAC_A) Rt::callBoxed);
    static final StaticCall SPILL_RESULTS = resolve((AC_V) Rt::spillResults);
    static final StaticCall INVOKE_ONE = resolve((IAC_J) Rt::invokeOne);
    static final StaticCall IS_TARGET = resolve((IIIC_Z) Rt::isTarget);
    static final StaticCall TAIL_HIT = resolve((IIIIC_Z) Rt::tailHit);
    static final StaticCall UNCHAIN = resolve((C_V) Rt::unchain);
    static final StaticCall LINKAGE_OF = resolve((Of) Linkage::of);
    static final StaticCall BOOTSTRAP_CALL = resolve((Bootstrap) Linkage::bootstrapCall);

    // traps
    static final StaticCall UNREACHABLE = resolve((NoArg_T) Traps::unreachable);
    static final StaticCall FRAMED = resolve((T_T) Traps::framed);
    static final StaticCall OUT_OF_BOUNDS = resolve((NoArg_T) Traps::outOfBounds);

    /** @return {@code Rt.global<I|J|F|D>}, which reads a global of type {@code t} as its JVM type */
    static StaticCall global(ValType t) {
        return switch (CallingConvention.jvmType(t).getSort()) {
            case org.objectweb.asm.Type.INT -> GLOBAL_I;
            case org.objectweb.asm.Type.LONG -> GLOBAL_J;
            case org.objectweb.asm.Type.FLOAT -> GLOBAL_F;
            default -> GLOBAL_D;
        };
    }
}
