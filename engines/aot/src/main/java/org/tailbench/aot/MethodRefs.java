package org.tailbench.aot;

import java.io.Serializable;
import java.lang.invoke.MethodHandleInfo;
import java.lang.invoke.SerializedLambda;
import java.lang.reflect.Method;

/**
 * Static methods named by method references, so that the Java compiler checks the owner, the name and the
 * parameter types of each method that generated code calls ({@code (F_F) NumericOps::f32Ceil} fails to compile
 * when the method is renamed or takes a double), instead of name and descriptor strings. A reference cast to
 * one of the serializable functional interfaces below carries its target as a {@link SerializedLambda}
 * ({@code implClass}, {@code implMethodName}, {@code implMethodSignature}), which {@link #resolve} reads once
 * at class initialisation; generated code then calls the method with a plain {@code invokestatic}.
 */
final class MethodRefs {
    private MethodRefs() {}

    /** An {@code invokestatic} target: internal class name, method name, JVM descriptor. */
    record StaticCall(String owner, String name, String desc) {}

    /** {@code (F)F} */ interface F_F extends Serializable { float apply(float x); }
    /** {@code (FF)F} */ interface FF_F extends Serializable { float apply(float x, float y); }
    /** {@code (D)D} */ interface D_D extends Serializable { double apply(double x); }
    /** {@code (DD)D} */ interface DD_D extends Serializable { double apply(double x, double y); }
    /** {@code (F)I} */ interface F_I extends Serializable { int apply(float x); }
    /** {@code (D)I} */ interface D_I extends Serializable { int apply(double x); }
    /** {@code (F)J} */ interface F_J extends Serializable { long apply(float x); }
    /** {@code (D)J} */ interface D_J extends Serializable { long apply(double x); }
    /** {@code (I)F} */ interface I_F extends Serializable { float apply(int x); }
    /** {@code (J)F} */ interface J_F extends Serializable { float apply(long x); }
    /** {@code (I)D} */ interface I_D extends Serializable { double apply(int x); }
    /** {@code (J)D} */ interface J_D extends Serializable { double apply(long x); }
    /** {@code (II)I} */ interface II_I extends Serializable { int apply(int x, int y); }
    /** {@code (JJ)J} */ interface JJ_J extends Serializable { long apply(long x, long y); }

    /**
     * @param ref a method reference {@code Owner::method} to a static method, cast to a serializable interface
     * @return the method it names
     * @throws IllegalStateException when {@code ref} is a lambda or names an instance method (javac desugars
     *         such references into a private synthetic method that generated code could not call)
     */
    static StaticCall resolve(Serializable ref) {
        SerializedLambda l = lambda(ref, MethodHandleInfo.REF_invokeStatic, "static");
        return new StaticCall(l.getImplClass(), l.getImplMethodName(), l.getImplMethodSignature());
    }

    /** An {@code invokevirtual} target: internal class name, method name, JVM descriptor (without the receiver). */
    record VirtualCall(String owner, String name, String desc) {}

    /**
     * @param ref an unbound method reference {@code Owner::method} to an instance method of a class (not an
     *            interface), cast to a serializable interface whose first parameter is the receiver
     * @return the method it names
     * @throws IllegalStateException when {@code ref} is a lambda or names another kind of method
     */
    static VirtualCall resolveVirtual(Serializable ref) {
        SerializedLambda l = lambda(ref, MethodHandleInfo.REF_invokeVirtual, "virtual");
        return new VirtualCall(l.getImplClass(), l.getImplMethodName(), l.getImplMethodSignature());
    }

    private static SerializedLambda lambda(Serializable ref, int kind, String what) {
        SerializedLambda l;
        try {
            Method writeReplace = ref.getClass().getDeclaredMethod("writeReplace");
            writeReplace.setAccessible(true);
            l = (SerializedLambda) writeReplace.invoke(ref);
        } catch (ReflectiveOperationException | ClassCastException e) {
            throw new IllegalStateException("aot: not a serializable method reference: " + ref, e);
        }
        if (l.getImplMethodKind() != kind || l.getImplMethodName().startsWith("lambda$")) {
            throw new IllegalStateException("aot: not a reference to a " + what + " method: " + l);
        }
        return l;
    }

    /**
     * @param signature an {@link org.tailbench.wasm.Op#signature}, {@code "params:results"} in {@code i l f d}
     * @return the JVM descriptor of a static method with those types, e.g. {@code "dd:d"} → {@code "(DD)D"}
     */
    static String descriptor(String signature) {
        int colon = signature.indexOf(':');
        StringBuilder b = new StringBuilder("(");
        for (int k = 0; k < colon; k++) b.append(jvm(signature.charAt(k)));
        b.append(')');
        if (colon == signature.length() - 1) b.append('V');
        for (int k = colon + 1; k < signature.length(); k++) b.append(jvm(signature.charAt(k)));
        return b.toString();
    }

    private static char jvm(char wasm) {
        return switch (wasm) {
            case 'i' -> 'I';
            case 'l' -> 'J';
            case 'f' -> 'F';
            case 'd' -> 'D';
            default -> throw new IllegalArgumentException("signature char " + wasm);
        };
    }
}
