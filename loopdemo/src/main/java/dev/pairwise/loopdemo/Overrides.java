package dev.pairwise.loopdemo;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.RecordComponent;
import java.util.Arrays;

/**
 * {@code name=value} overrides of a record's components, for experiments from the command line
 * ({@code loop-demo --set trainTasks=800 --knob dpoLr=1e-4}). Numbers, booleans and strings only;
 * the record's own constructor validates the result.
 */
final class Overrides {

    private Overrides() {
    }

    /** A copy of {@code record} with the component named in {@code assignment} replaced. */
    static <R extends Record> R with(R record, String assignment) {
        String[] kv = assignment.split("=", 2);
        if (kv.length != 2) {
            throw new IllegalArgumentException("an override takes name=value, got '" + assignment + "'");
        }
        RecordComponent[] components = record.getClass().getRecordComponents();
        Object[] values = new Object[components.length];
        boolean found = false;
        try {
            for (int i = 0; i < components.length; i++) {
                RecordComponent c = components[i];
                values[i] = c.getAccessor().invoke(record);
                if (c.getName().equals(kv[0])) {
                    values[i] = parse(c.getType(), kv[0], kv[1]);
                    found = true;
                }
            }
            if (!found) {
                throw new IllegalArgumentException("unknown setting '" + kv[0] + "'; known: "
                        + Arrays.stream(components).map(RecordComponent::getName).toList());
            }
            @SuppressWarnings("unchecked")
            R copy = (R) record.getClass()
                    .getDeclaredConstructor(Arrays.stream(components).map(RecordComponent::getType).toArray(Class<?>[]::new))
                    .newInstance(values);
            return copy;
        } catch (InvocationTargetException e) {
            if (e.getCause() instanceof RuntimeException re) {
                throw re;
            }
            throw new IllegalStateException(e.getCause());
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException(e);
        }
    }

    private static Object parse(Class<?> type, String name, String value) {
        try {
            if (type == int.class) {
                return Integer.parseInt(value);
            } else if (type == long.class) {
                return Long.parseLong(value);
            } else if (type == double.class) {
                return Double.parseDouble(value);
            } else if (type == boolean.class) {
                return Boolean.parseBoolean(value);
            } else if (type == String.class) {
                return value;
            }
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(name + " must be a number, got '" + value + "'");
        }
        throw new IllegalArgumentException(name + " cannot be set from the command line");
    }
}
