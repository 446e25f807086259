// Microbenchmark: growing a KV cache by concatenation vs writing into a preallocated buffer.
// Run: java -cp <classes:runtime classpath> bench/kv-cache/CacheGrowth.java concat|pre (source launcher).
import ai.djl.Device;
import ai.djl.ndarray.*;
import ai.djl.ndarray.index.NDIndex;
import ai.djl.ndarray.types.Shape;
public class CacheGrowth {
    public static void main(String[] a) {
        boolean pre = a[0].equals("pre");
        int b = 128, h = 4, hd = 32, T = 272, L = 8;
        try (NDManager root = NDManager.newBaseManager(Device.cpu())) {
            NDManager cacheM = root.newSubManager();
            NDArray[] kv = new NDArray[L];
            for (int l = 0; l < L; l++) kv[l] = pre ? cacheM.zeros(new Shape(b, h, T, hd)) : cacheM.randomNormal(new Shape(b, h, 16, hd));
            int len = 16;
            long t0 = System.nanoTime();
            for (int step = 0; step < 256; step++) {
                try (NDManager s = root.newSubManager()) {
                    NDArray x = s.randomNormal(new Shape(b, h, 1, hd));
                    NDArray q = s.randomNormal(new Shape(b, h, 1, hd));
                    for (int l = 0; l < L; l++) {
                        NDArray k;
                        if (pre) {
                            kv[l].set(new NDIndex(":, :, {}:{}", len, len + 1), x);
                            k = kv[l].get(new NDIndex(":, :, 0:{}", len + 1));
                        } else {
                            NDArray n = NDArrays.concat(new NDList(kv[l], x), 2);
                            n.attach(cacheM);
                            kv[l].close();
                            kv[l] = n;
                            k = n;
                        }
                        if (l % 2 == 0) q.matMul(k.transpose(0, 1, 3, 2)).toFloatArray();
                    }
                }
                len++;
                if ((step + 1) % 64 == 0) { System.out.printf("%s len=%d %.2f ms/step%n", a[0], len, (System.nanoTime() - t0) / 1e6 / 64); t0 = System.nanoTime(); }
            }
        }
    }
}
