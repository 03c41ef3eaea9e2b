/* The NER tagger's two recurrences in C: QRNN fo-pooling and CRF Viterbi decoding.
 *
 * Both step through time, one token after another; in NumPy each step is a handful of small
 * array operations whose Python overhead outweighs their arithmetic (a third of the tagger's
 * time on news). Here they run on the flat layout of real tokens (sentences concatenated,
 * `lengths` apart), so no padded batch is built either.
 *
 * The arithmetic is that of rasid/ner/model.py's NumPy versions, in the same float32 order
 * (built with -ffp-contract=off: no fused multiply-add), so both give the same bits; the tests
 * hold them equal. Loaded with ctypes (rasid/ner/kernels.py); the module object exists only so
 * that setuptools can build and install this file like any extension.
 */
#define PY_SSIZE_T_CLEAN
#include <Python.h>
#include <stdint.h>

/* c_t = u_t + f_t * c_(t-1) forward, and from each sentence's end backward.
 * f, u, c: (n, 2, hid) float32, direction 0 forward, 1 backward. */
void rasid_fo_pool(const float *f, const float *u, float *c, const int64_t *lengths,
                   int64_t sentences, int64_t hid)
{
    const int64_t row = 2 * hid;
    int64_t offset = 0;
    for (int64_t s = 0; s < sentences; s++) {
        const int64_t len = lengths[s];
        if (len <= 0)
            continue;
        const int64_t first = offset * row, last = (offset + len - 1) * row + hid;
        for (int64_t h = 0; h < hid; h++) {
            c[first + h] = u[first + h];
            c[last + h] = u[last + h];
        }
        for (int64_t t = 1; t < len; t++) {
            const int64_t at = (offset + t) * row, before = at - row;
            for (int64_t h = 0; h < hid; h++)
                c[at + h] = u[at + h] + f[at + h] * c[before + h];
        }
        for (int64_t t = len - 2; t >= 0; t--) {
            const int64_t at = (offset + t) * row + hid, after = at + row;
            for (int64_t h = 0; h < hid; h++)
                c[at + h] = u[at + h] + f[at + h] * c[after + h];
        }
        offset += len;
    }
}

/* Best tag path of each sentence under emissions em (n, k), transitions trans (k, k)
 * (from, to), start and end scores (k). Ties go to the lower tag id, as NumPy's argmax.
 * back: (n, k) scratch; score, next: (k) scratch; tags: (n) out. */
void rasid_viterbi(const float *em, const int64_t *lengths, int64_t sentences, int64_t k,
                   const float *trans, const float *start, const float *end,
                   int64_t *tags, int64_t *back, float *score, float *next)
{
    int64_t offset = 0;
    for (int64_t s = 0; s < sentences; s++) {
        const int64_t len = lengths[s];
        if (len <= 0)
            continue;
        for (int64_t j = 0; j < k; j++)
            score[j] = start[j] + em[offset * k + j];
        for (int64_t t = 1; t < len; t++) {
            const int64_t at = (offset + t) * k;
            for (int64_t j = 0; j < k; j++) {
                float best = score[0] + trans[j];
                int64_t from = 0;
                for (int64_t i = 1; i < k; i++) {
                    const float v = score[i] + trans[i * k + j];
                    if (v > best) {
                        best = v;
                        from = i;
                    }
                }
                back[at + j] = from;
                next[j] = best + em[at + j];
            }
            for (int64_t j = 0; j < k; j++)
                score[j] = next[j];
        }
        float best = score[0] + end[0];
        int64_t tag = 0;
        for (int64_t j = 1; j < k; j++) {
            const float v = score[j] + end[j];
            if (v > best) {
                best = v;
                tag = j;
            }
        }
        tags[offset + len - 1] = tag;
        for (int64_t t = len - 1; t > 0; t--) {
            tag = back[(offset + t) * k + tag];
            tags[offset + t - 1] = tag;
        }
        offset += len;
    }
}

static struct PyModuleDef kernels_module = {
    PyModuleDef_HEAD_INIT, "_kernels",
    "C loops of the NER tagger, called through ctypes (rasid.ner.kernels).", -1, NULL,
};

PyMODINIT_FUNC PyInit__kernels(void)
{
    return PyModule_Create(&kernels_module);
}
