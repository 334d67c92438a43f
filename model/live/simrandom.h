// SPDX-License-Identifier: MIT
#pragma once

#include <QtGlobal>

#include <cmath>

/**
 * The simulator's random numbers: xoshiro256** (Blackman and Vigna), seeded through SplitMix64,
 * so one 64-bit seed gives the same sequence on every machine and every run. A few nanoseconds
 * a draw: the simulator draws several per simulated request.
 */
class SimRandom
{
public:
    explicit SimRandom(quint64 seed = 1) { reseed(seed); }

    void reseed(quint64 seed)
    {
        for (quint64 &word : m_s) {
            seed += 0x9e3779b97f4a7c15ULL;
            quint64 z = seed;
            z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9ULL;
            z = (z ^ (z >> 27)) * 0x94d049bb133111ebULL;
            word = z ^ (z >> 31);
        }
    }

    quint64 next()
    {
        const quint64 result = rotl(m_s[1] * 5, 7) * 9;
        const quint64 t = m_s[1] << 17;
        m_s[2] ^= m_s[0];
        m_s[3] ^= m_s[1];
        m_s[1] ^= m_s[2];
        m_s[0] ^= m_s[3];
        m_s[2] ^= t;
        m_s[3] = rotl(m_s[3], 45);
        return result;
    }

    /** Uniform in [0, 1). */
    double uniform() { return double(next() >> 11) * 0x1.0p-53; }
    /** Uniform in [0, n), n > 0; Lemire's multiply-shift, bias below 2^-32 for small n. */
    quint32 below(quint32 n) { return quint32(((next() >> 32) * quint64(n)) >> 32); }
    bool chance(double p) { return uniform() < p; }
    /** A standard normal deviate (Box–Muller; one of the pair is dropped for simplicity). */
    double normal()
    {
        const double u = 1.0 - uniform();
        return std::sqrt(-2.0 * std::log(u)) * std::cos(6.283185307179586 * uniform());
    }
    /** Poisson-distributed count with mean `mean` (normal approximation above 30). */
    qint64 poisson(double mean)
    {
        if (mean <= 0)
            return 0;
        if (mean > 30) {
            const double x = std::floor(mean + std::sqrt(mean) * normal() + 0.5);
            return x < 0 ? 0 : qint64(x);
        }
        const double limit = std::exp(-mean);
        qint64 k = 0;
        double p = uniform();
        while (p > limit) {
            ++k;
            p *= uniform();
        }
        return k;
    }

private:
    static quint64 rotl(quint64 x, int k) { return (x << k) | (x >> (64 - k)); }
    quint64 m_s[4] = {};
};
