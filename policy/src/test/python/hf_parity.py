#!/usr/bin/env python3
"""Reference for HfParityTest: tiny random Llama-family and GPT-2 checkpoints in Hugging Face
layout and the logits PyTorch computes for them.

Needs only PyTorch (Debian: apt-get install python3-torch); transformers and safetensors are not
installed here, so the safetensors files are written by hand (8-byte little-endian header length,
JSON header, raw little-endian data) and the forward pass follows transformers' modeling_llama
(LlamaRMSNorm in float32, rotate_half RoPE with _compute_llama3_parameters / linear scaling,
repeat_kv for grouped-query attention, eager attention with softmax in float32, SwiGLU MLP; Qwen2's
q/k/v biases as modeling_qwen2) and
modeling_gpt2 (Conv1D weights (in, out), learned positions, LayerNorm, gelu_new).

Usage: hf_parity.py OUT_DIR    (writes one folder per case, each with config.json, weights,
expected.safetensors holding "tokens" (I64) and "logits" (F32), and expected_greedy.json)
       hf_parity.py --forward MODEL_DIR TOKENS_FILE OUT_FILE
                                 (reads a folder someone else wrote, e.g. our hf-export, runs the same
                                 forward pass on the "tokens" of TOKENS_FILE, writes "logits" to OUT_FILE)
"""
import json
import math
import os
import struct
import sys

import numpy as np
import torch

CASES = {
    # GQA 4 query heads over 2 key/value heads, untied head, llama3 rope scaling, F32 single file
    "llama-gqa-f32": dict(
        config=dict(architectures=["LlamaForCausalLM"], model_type="llama", hidden_size=64,
                    intermediate_size=96, num_hidden_layers=2, num_attention_heads=4, num_key_value_heads=2,
                    vocab_size=256, max_position_embeddings=128, rms_norm_eps=1e-5, rope_theta=10000.0,
                    rope_scaling=dict(rope_type="llama3", factor=8.0, low_freq_factor=1.0, high_freq_factor=4.0,
                                      original_max_position_embeddings=16),
                    tie_word_embeddings=False, hidden_act="silu", torch_dtype="float32"),
        dtype="F32", shards=1, seed=1),
    # multi-query (1 key/value head), tied embeddings, Llama 3's theta, BF16 in two shards + index,
    # and the rotary inv_freq buffer old checkpoints carry
    "llama-mqa-bf16-sharded-tied": dict(
        config=dict(architectures=["LlamaForCausalLM"], model_type="llama", hidden_size=64,
                    intermediate_size=128, num_hidden_layers=2, num_attention_heads=4, num_key_value_heads=1,
                    vocab_size=256, max_position_embeddings=64, rms_norm_eps=1e-6, rope_theta=500000.0,
                    rope_scaling=None, tie_word_embeddings=True, hidden_act="silu", torch_dtype="bfloat16"),
        dtype="BF16", shards=2, seed=2, inv_freq_buffer=True),
    # Mistral with a sliding window longer than the context, linear rope scaling, F16
    "mistral-gqa-f16-linear": dict(
        config=dict(architectures=["MistralForCausalLM"], model_type="mistral", hidden_size=64,
                    intermediate_size=112, num_hidden_layers=3, num_attention_heads=8, num_key_value_heads=2,
                    vocab_size=256, max_position_embeddings=256, rms_norm_eps=1e-5, rope_theta=10000.0,
                    rope_scaling=dict(type="linear", factor=2.0), sliding_window=4096,
                    tie_word_embeddings=False, hidden_act="silu", torch_dtype="float16"),
        dtype="F16", shards=1, seed=3),
    # Qwen2: biases on q/k/v (only there), tied head, theta 1e6, a declared but unused sliding window
    "qwen2-gqa-bf16-tied": dict(
        config=dict(architectures=["Qwen2ForCausalLM"], model_type="qwen2", hidden_size=64,
                    intermediate_size=160, num_hidden_layers=2, num_attention_heads=4, num_key_value_heads=2,
                    vocab_size=256, max_position_embeddings=128, rms_norm_eps=1e-6, rope_theta=1000000.0,
                    rope_scaling=None, use_sliding_window=False, sliding_window=16, max_window_layers=2,
                    tie_word_embeddings=True, hidden_act="silu", torch_dtype="bfloat16"),
        dtype="BF16", shards=1, seed=6),
    # GPT-2 (GPT2LMHeadModel): Conv1D weights stored (in, out), learned positions, gelu_new, tied head,
    # and the causal-mask buffers attn.bias / attn.masked_bias that older checkpoints carry
    "gpt2-f32": dict(
        config=dict(architectures=["GPT2LMHeadModel"], model_type="gpt2", n_embd=64, n_head=4, n_layer=2,
                    n_positions=64, n_ctx=64, vocab_size=256, layer_norm_epsilon=1e-5,
                    activation_function="gelu_new", n_inner=None, tie_word_embeddings=True),
        dtype="F32", shards=1, seed=4, family="gpt2", mask_buffers=True),
    # GPT-2 saved from GPT2Model-style names (no "transformer." prefix, as the original gpt2
    # repository), F16, exact GELU and a separate n_inner
    "gpt2-f16-unprefixed": dict(
        config=dict(architectures=["GPT2LMHeadModel"], model_type="gpt2", n_embd=48, n_head=3, n_layer=3,
                    n_positions=32, vocab_size=256, layer_norm_epsilon=1e-5, activation_function="gelu",
                    n_inner=80),
        dtype="F16", shards=1, seed=5, family="gpt2", unprefixed=True),
}

BATCH, TOKENS, GREEDY = 2, 20, 8
TORCH_DTYPES = {"F32": torch.float32, "F16": torch.float16, "BF16": torch.bfloat16}


def random_weights(c, seed):
    """HF-named tensors; large enough (std 0.15) that every logit depends on the input."""
    g = torch.Generator().manual_seed(seed)
    d, inner, v = c["hidden_size"], c["intermediate_size"], c["vocab_size"]
    hd = d // c["num_attention_heads"]
    kv = c["num_key_value_heads"] * hd

    def mat(rows, cols):
        return torch.randn(rows, cols, generator=g) * 0.15

    def gain(n):
        return 1.0 + 0.1 * torch.randn(n, generator=g)

    w = {"model.embed_tokens.weight": torch.randn(v, d, generator=g) * 0.5}
    for i in range(c["num_hidden_layers"]):
        p = f"model.layers.{i}."
        w[p + "input_layernorm.weight"] = gain(d)
        w[p + "self_attn.q_proj.weight"] = mat(d, d)
        w[p + "self_attn.k_proj.weight"] = mat(kv, d)
        w[p + "self_attn.v_proj.weight"] = mat(kv, d)
        w[p + "self_attn.o_proj.weight"] = mat(d, d)
        if c["model_type"] == "qwen2":
            w[p + "self_attn.q_proj.bias"] = 0.1 * torch.randn(d, generator=g)
            w[p + "self_attn.k_proj.bias"] = 0.1 * torch.randn(kv, generator=g)
            w[p + "self_attn.v_proj.bias"] = 0.1 * torch.randn(kv, generator=g)
        w[p + "post_attention_layernorm.weight"] = gain(d)
        w[p + "mlp.gate_proj.weight"] = mat(inner, d)
        w[p + "mlp.up_proj.weight"] = mat(inner, d)
        w[p + "mlp.down_proj.weight"] = mat(d, inner)
    w["model.norm.weight"] = gain(d)
    if not c["tie_word_embeddings"]:
        w["lm_head.weight"] = mat(v, d)
    return w


def gpt2_weights(c, seed):
    """HF GPT-2 names; Conv1D weights (in, out)."""
    g = torch.Generator().manual_seed(seed)
    d, v, p = c["n_embd"], c["vocab_size"], c["n_positions"]
    inner = c.get("n_inner") or 4 * d

    def mat(rows, cols):
        return torch.randn(rows, cols, generator=g) * 0.15

    def vec(n, mean=0.0):
        return mean + 0.1 * torch.randn(n, generator=g)

    w = {"transformer.wte.weight": torch.randn(v, d, generator=g) * 0.5,
         "transformer.wpe.weight": torch.randn(p, d, generator=g) * 0.3}
    for i in range(c["n_layer"]):
        h = f"transformer.h.{i}."
        w[h + "ln_1.weight"], w[h + "ln_1.bias"] = vec(d, 1.0), vec(d)
        w[h + "attn.c_attn.weight"], w[h + "attn.c_attn.bias"] = mat(d, 3 * d), vec(3 * d)
        w[h + "attn.c_proj.weight"], w[h + "attn.c_proj.bias"] = mat(d, d), vec(d)
        w[h + "ln_2.weight"], w[h + "ln_2.bias"] = vec(d, 1.0), vec(d)
        w[h + "mlp.c_fc.weight"], w[h + "mlp.c_fc.bias"] = mat(d, inner), vec(inner)
        w[h + "mlp.c_proj.weight"], w[h + "mlp.c_proj.bias"] = mat(inner, d), vec(d)
    w["transformer.ln_f.weight"], w["transformer.ln_f.bias"] = vec(d, 1.0), vec(d)
    return w


def gelu_new(x):
    return 0.5 * x * (1.0 + torch.tanh(math.sqrt(2.0 / math.pi) * (x + 0.044715 * torch.pow(x, 3.0))))


def gpt2_forward(c, w, ids):
    """transformers' modeling_gpt2 (eager attention, no cache): Conv1D is x @ weight + bias."""
    b, t = ids.shape
    d, h = c["n_embd"], c["n_head"]
    hd = d // h
    eps = c["layer_norm_epsilon"]
    act = gelu_new if c["activation_function"] == "gelu_new" else torch.nn.functional.gelu
    x = w["transformer.wte.weight"][ids] + w["transformer.wpe.weight"][torch.arange(t)][None]
    causal = torch.tril(torch.ones(t, t, dtype=torch.bool))
    for i in range(c["n_layer"]):
        p = f"transformer.h.{i}."
        y = torch.nn.functional.layer_norm(x, (d,), w[p + "ln_1.weight"], w[p + "ln_1.bias"], eps)
        qkv = y @ w[p + "attn.c_attn.weight"] + w[p + "attn.c_attn.bias"]
        q, k, v = (z.view(b, t, h, hd).transpose(1, 2) for z in qkv.split(d, dim=2))
        att = (q @ k.transpose(-1, -2)) / math.sqrt(hd)
        att = torch.where(causal, att, torch.tensor(torch.finfo(att.dtype).min))
        att = torch.softmax(att, dim=-1)
        y = (att @ v).transpose(1, 2).reshape(b, t, d)
        x = x + y @ w[p + "attn.c_proj.weight"] + w[p + "attn.c_proj.bias"]
        y = torch.nn.functional.layer_norm(x, (d,), w[p + "ln_2.weight"], w[p + "ln_2.bias"], eps)
        y = act(y @ w[p + "mlp.c_fc.weight"] + w[p + "mlp.c_fc.bias"])
        x = x + y @ w[p + "mlp.c_proj.weight"] + w[p + "mlp.c_proj.bias"]
    x = torch.nn.functional.layer_norm(x, (d,), w["transformer.ln_f.weight"], w["transformer.ln_f.bias"], eps)
    return x @ w["transformer.wte.weight"].T


def tensor_bytes(t, dtype):
    t = t.detach().contiguous().to(TORCH_DTYPES[dtype] if dtype in TORCH_DTYPES else t.dtype)
    if dtype == "BF16":
        t = t.view(torch.int16)  # numpy has no bfloat16; the bits are what matter
    return t.numpy().astype(t.numpy().dtype.newbyteorder("<")).tobytes()


def write_safetensors(path, tensors, metadata=None):
    """tensors: name -> (dtype name, shape, bytes). Header padded with spaces to 8 bytes."""
    header = {}
    if metadata:
        header["__metadata__"] = metadata
    offset = 0
    for name, (dtype, shape, data) in tensors.items():
        header[name] = {"dtype": dtype, "shape": list(shape), "data_offsets": [offset, offset + len(data)]}
        offset += len(data)
    raw = json.dumps(header, separators=(",", ":")).encode("utf-8")
    raw += b" " * (-len(raw) % 8)
    with open(path, "wb") as f:
        f.write(struct.pack("<Q", len(raw)))
        f.write(raw)
        for _, (_, _, data) in tensors.items():
            f.write(data)


# ---- the forward pass, after transformers' modeling_llama (eager attention, no cache) ----

def rms_norm(x, weight, eps):
    x32 = x.to(torch.float32)
    variance = x32.pow(2).mean(-1, keepdim=True)
    return weight * (x32 * torch.rsqrt(variance + eps))


def inv_freq_of(c):
    dim = c["hidden_size"] // c["num_attention_heads"]
    base = c["rope_theta"]
    inv_freq = 1.0 / (base ** (torch.arange(0, dim, 2, dtype=torch.int64).float() / dim))
    s = c.get("rope_scaling")
    if not s:
        return inv_freq
    kind = s.get("rope_type", s.get("type"))
    if kind == "linear":
        return inv_freq / s["factor"]
    assert kind == "llama3", kind
    factor, low, high = s["factor"], s["low_freq_factor"], s["high_freq_factor"]
    old = s["original_max_position_embeddings"]
    low_wavelen, high_wavelen = old / low, old / high
    wavelen = 2 * math.pi / inv_freq
    inv_freq_llama = torch.where(wavelen > low_wavelen, inv_freq / factor, inv_freq)
    smooth = (old / wavelen - low) / (high - low)
    smoothed = (1 - smooth) * inv_freq_llama / factor + smooth * inv_freq_llama
    is_medium = ~(wavelen < high_wavelen) * ~(wavelen > low_wavelen)
    return torch.where(is_medium, smoothed, inv_freq_llama)


def rotate_half(x):
    x1 = x[..., : x.shape[-1] // 2]
    x2 = x[..., x.shape[-1] // 2:]
    return torch.cat((-x2, x1), dim=-1)


def repeat_kv(hidden, n_rep):
    b, kvh, s, hd = hidden.shape
    if n_rep == 1:
        return hidden
    return hidden[:, :, None, :, :].expand(b, kvh, n_rep, s, hd).reshape(b, kvh * n_rep, s, hd)


def forward(c, w, ids):
    b, t = ids.shape
    d, h, kvh = c["hidden_size"], c["num_attention_heads"], c["num_key_value_heads"]
    hd = d // h
    eps = c["rms_norm_eps"]
    x = w["model.embed_tokens.weight"][ids]
    positions = torch.arange(t)[None, :].float()
    freqs = (inv_freq_of(c)[None, :, None].float() @ positions[:, None, :]).transpose(1, 2)
    emb = torch.cat((freqs, freqs), dim=-1)
    cos, sin = emb.cos()[:, None], emb.sin()[:, None]  # (1, 1, t, hd)
    mask = torch.full((t, t), torch.finfo(torch.float32).min).triu(1)
    for i in range(c["num_hidden_layers"]):
        p = f"model.layers.{i}."
        y = rms_norm(x, w[p + "input_layernorm.weight"], eps)
        q, k, v = (y @ w[p + f"self_attn.{n}_proj.weight"].T + w.get(p + f"self_attn.{n}_proj.bias", 0.0)
                   for n in "qkv")
        q = q.view(b, t, h, hd).transpose(1, 2)
        k = k.view(b, t, kvh, hd).transpose(1, 2)
        v = v.view(b, t, kvh, hd).transpose(1, 2)
        q = q * cos + rotate_half(q) * sin
        k = k * cos + rotate_half(k) * sin
        k, v = repeat_kv(k, h // kvh), repeat_kv(v, h // kvh)
        att = (q @ k.transpose(2, 3)) * hd ** -0.5 + mask
        att = torch.softmax(att, dim=-1, dtype=torch.float32)
        y = (att @ v).transpose(1, 2).reshape(b, t, d)
        x = x + y @ w[p + "self_attn.o_proj.weight"].T
        y = rms_norm(x, w[p + "post_attention_layernorm.weight"], eps)
        gate = y @ w[p + "mlp.gate_proj.weight"].T
        up = y @ w[p + "mlp.up_proj.weight"].T
        x = x + (torch.nn.functional.silu(gate) * up) @ w[p + "mlp.down_proj.weight"].T
    x = rms_norm(x, w["model.norm.weight"], eps)
    head = w["model.embed_tokens.weight"] if c["tie_word_embeddings"] else w["lm_head.weight"]
    return x @ head.T


def write_case(out, name, spec):
    c = spec["config"]
    folder = os.path.join(out, name)
    os.makedirs(folder, exist_ok=True)
    with open(os.path.join(folder, "config.json"), "w") as f:
        json.dump(c, f, indent=2)
    dtype = spec["dtype"]
    gpt2 = spec.get("family") == "gpt2"
    weights = (gpt2_weights if gpt2 else random_weights)(c, spec["seed"])
    run = gpt2_forward if gpt2 else forward
    # the reference computes with what the file holds: weights rounded to the stored precision
    weights = {k: v.to(TORCH_DTYPES[dtype]).to(torch.float32) for k, v in weights.items()}
    stored = {k: (dtype, tuple(v.shape), tensor_bytes(v, dtype)) for k, v in weights.items()}
    if spec.get("inv_freq_buffer"):
        buf = inv_freq_of(c)
        for i in range(c["num_hidden_layers"]):
            stored[f"model.layers.{i}.self_attn.rotary_emb.inv_freq"] = ("F32", tuple(buf.shape),
                                                                          tensor_bytes(buf, "F32"))
    if spec.get("mask_buffers"):
        n = c["n_positions"]
        mask = torch.tril(torch.ones(n, n)).view(1, 1, n, n)
        for i in range(c["n_layer"]):
            stored[f"transformer.h.{i}.attn.bias"] = ("F32", tuple(mask.shape), tensor_bytes(mask, "F32"))
            stored[f"transformer.h.{i}.attn.masked_bias"] = ("F32", (), tensor_bytes(torch.tensor(-1e4), "F32"))
    if spec.get("unprefixed"):
        stored = {k[len("transformer."):] if k.startswith("transformer.") else k: v for k, v in stored.items()}
    if spec["shards"] == 1:
        write_safetensors(os.path.join(folder, "model.safetensors"), stored, {"format": "pt"})
    else:
        names = list(stored)
        n = spec["shards"]
        weight_map = {}
        for s in range(n):
            part = names[s * len(names) // n:(s + 1) * len(names) // n]
            shard = f"model-{s + 1:05d}-of-{n:05d}.safetensors"
            write_safetensors(os.path.join(folder, shard), {k: stored[k] for k in part}, {"format": "pt"})
            weight_map.update({k: shard for k in part})
        total = sum(len(v[2]) for v in stored.values())
        with open(os.path.join(folder, "model.safetensors.index.json"), "w") as f:
            json.dump({"metadata": {"total_size": total}, "weight_map": weight_map}, f, indent=2)

    g = torch.Generator().manual_seed(100 + spec["seed"])
    ids = torch.randint(0, c["vocab_size"], (BATCH, TOKENS), generator=g)
    with torch.no_grad():
        logits = run(c, weights, ids).to(torch.float32)
        # greedy continuation of row 0, recomputing the whole sequence at every step
        seq = ids[:1]
        greedy = []
        for _ in range(GREEDY):
            nxt = int(run(c, weights, seq)[0, -1].argmax())
            greedy.append(nxt)
            seq = torch.cat([seq, torch.tensor([[nxt]])], dim=1)
    write_safetensors(os.path.join(folder, "expected.safetensors"), {
        "tokens": ("I64", tuple(ids.shape), tensor_bytes(ids, "I64")),
        "logits": ("F32", tuple(logits.shape), tensor_bytes(logits, "F32")),
    })
    with open(os.path.join(folder, "expected_greedy.json"), "w") as f:
        json.dump({"prompt": ids[0].tolist(), "greedy": greedy}, f)
    print(f"{name}: logits {tuple(logits.shape)}, |logits| max {float(logits.abs().max()):.3f}, "
          f"greedy {greedy}")


NUMPY_DTYPES = {"F32": np.float32, "F16": np.float16, "F64": np.float64, "I64": np.int64, "I32": np.int32}


def read_safetensors(path):
    """name -> tensor; BF16 widened through its bits."""
    with open(path, "rb") as f:
        n = struct.unpack("<Q", f.read(8))[0]
        header = json.loads(f.read(n))
        data = f.read()
    out = {}
    for name, e in header.items():
        if name == "__metadata__":
            continue
        begin, end = e["data_offsets"]
        raw = data[begin:end]
        if e["dtype"] == "BF16":
            bits = np.frombuffer(raw, dtype="<u2").astype(np.uint32) << 16
            arr = bits.view(np.float32)
        else:
            arr = np.frombuffer(raw, dtype=np.dtype(NUMPY_DTYPES[e["dtype"]]).newbyteorder("<"))
        out[name] = torch.from_numpy(arr.copy().reshape(e["shape"])).float() if e["dtype"] not in ("I64", "I32") \
            else torch.from_numpy(arr.copy().reshape(e["shape"])).long()
    return out


def forward_folder(model_dir, tokens_file, out_file):
    with open(os.path.join(model_dir, "config.json")) as f:
        c = json.load(f)
    w = read_safetensors(os.path.join(model_dir, "model.safetensors"))
    ids = read_safetensors(tokens_file)["tokens"]
    run = gpt2_forward if c["model_type"] == "gpt2" else forward
    c.setdefault("tie_word_embeddings", c["model_type"] == "gpt2")
    with torch.no_grad():
        logits = run(c, w, ids).to(torch.float32)
    write_safetensors(out_file, {"logits": ("F32", tuple(logits.shape), tensor_bytes(logits, "F32"))})
    print(f"{model_dir}: logits {tuple(logits.shape)}")


def main():
    if len(sys.argv) == 5 and sys.argv[1] == "--forward":
        forward_folder(*sys.argv[2:])
        return
    if len(sys.argv) != 2:
        sys.exit(__doc__)
    torch.manual_seed(0)
    for name, spec in CASES.items():
        write_case(sys.argv[1], name, spec)
    print("torch", torch.__version__)


if __name__ == "__main__":
    main()
