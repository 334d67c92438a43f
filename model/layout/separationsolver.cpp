// SPDX-License-Identifier: MIT
#include "separationsolver.h"

#include <algorithm>

namespace {
constexpr double tolerance = 1e-9;
}

int SeparationSolver::addVariable(double desired, double weight)
{
    m_desired.push_back(desired);
    m_weight.push_back(weight);
    m_prepared = false;
    return static_cast<int>(m_desired.size()) - 1;
}

void SeparationSolver::addConstraint(int left, int right, double gap)
{
    m_constraints.push_back({ left, right, gap });
    m_prepared = false;
}

void SeparationSolver::setDesired(int var, double desired, double weight)
{
    m_desired[var] = desired;
    m_weight[var] = weight;
}

bool SeparationSolver::prepare()
{
    if (m_prepared)
        return m_acyclic;
    m_prepared = true;
    const int count = variableCount();
    m_inStart.assign(count + 1, 0);
    std::vector<int> outStart(count + 1, 0);
    for (const Constraint &c : m_constraints) {
        ++m_inStart[c.right + 1];
        ++outStart[c.left + 1];
    }
    for (int v = 0; v < count; ++v) {
        m_inStart[v + 1] += m_inStart[v];
        outStart[v + 1] += outStart[v];
    }
    m_inList.assign(m_constraints.size(), 0);
    std::vector<int> outList(m_constraints.size());
    std::vector<int> inFill(m_inStart.begin(), m_inStart.end() - 1);
    std::vector<int> outFill(outStart.begin(), outStart.end() - 1);
    for (int i = 0; i < static_cast<int>(m_constraints.size()); ++i) {
        m_inList[inFill[m_constraints[i].right]++] = i;
        outList[outFill[m_constraints[i].left]++] = i;
    }
    // Kahn's algorithm, lowest index first among the ready ones, for a deterministic order.
    std::vector<int> pending(count);
    m_order.clear();
    m_order.reserve(count);
    for (int v = 0; v < count; ++v) {
        pending[v] = m_inStart[v + 1] - m_inStart[v];
        if (pending[v] == 0)
            m_order.push_back(v);
    }
    for (std::size_t i = 0; i < m_order.size(); ++i) {
        const int v = m_order[i];
        for (int k = outStart[v]; k < outStart[v + 1]; ++k) {
            const int right = m_constraints[outList[k]].right;
            if (--pending[right] == 0)
                m_order.push_back(right);
        }
    }
    m_acyclic = static_cast<int>(m_order.size()) == count;
    return m_acyclic;
}

void SeparationSolver::repair(std::vector<double> &x) const
{
    for (int v : m_order) {
        for (int k = m_inStart[v]; k < m_inStart[v + 1]; ++k) {
            const Constraint &c = m_constraints[m_inList[k]];
            x[v] = std::max(x[v], x[c.left] + c.gap);
        }
    }
}

std::vector<double> SeparationSolver::pack()
{
    if (!prepare())
        return {};
    std::vector<double> x = m_desired;
    repair(x);
    return x;
}

std::vector<double> SeparationSolver::solve()
{
    if (!prepare())
        return {};
    const int count = variableCount();
    std::vector<int> blockOf(count);
    std::vector<double> offset(count, 0);
    std::vector<Block> blocks(count);
    for (int v = 0; v < count; ++v) {
        blockOf[v] = v;
        Block &b = blocks[v];
        b.weight = m_weight[v];
        b.weightedDesired = m_weight[v] * m_desired[v];
        b.position = m_desired[v];
        b.variables = { v };
        b.in.assign(m_inList.begin() + m_inStart[v], m_inList.begin() + m_inStart[v + 1]);
    }
    auto positionOf = [&](int v) { return blocks[blockOf[v]].position + offset[v]; };

    for (int v : m_order) {
        int b = blockOf[v];
        for (;;) {
            // The most violated constraint into the block; constraints that became internal
            // are dropped on the way.
            int worst = -1;
            double worstViolation = tolerance;
            std::vector<int> &in = blocks[b].in;
            std::size_t kept = 0;
            for (int ci : in) {
                const Constraint &c = m_constraints[ci];
                if (blockOf[c.left] == b)
                    continue;
                in[kept++] = ci;
                const double violation = positionOf(c.left) + c.gap - positionOf(c.right);
                if (violation > worstViolation) {
                    worstViolation = violation;
                    worst = ci;
                }
            }
            in.resize(kept);
            if (worst < 0)
                break;
            // Merge the two blocks with the constraint tight; the smaller one moves into the
            // larger one, its offsets shifted to the larger one's reference.
            const Constraint &c = m_constraints[worst];
            const int left = blockOf[c.left];
            double shift = offset[c.left] + c.gap - offset[c.right]; // for the right block
            int into = left;
            int from = b;
            if (blocks[left].variables.size() < blocks[b].variables.size()) {
                std::swap(into, from);
                shift = -shift;
            }
            Block &target = blocks[into];
            Block &source = blocks[from];
            for (int u : source.variables) {
                blockOf[u] = into;
                offset[u] += shift;
            }
            target.variables.insert(
                target.variables.end(), source.variables.begin(), source.variables.end());
            target.in.insert(target.in.end(), source.in.begin(), source.in.end());
            target.weightedDesired += source.weightedDesired - shift * source.weight;
            target.weight += source.weight;
            target.position = target.weightedDesired / target.weight;
            source = Block();
            b = into;
        }
    }
    std::vector<double> x(count);
    for (int v = 0; v < count; ++v)
        x[v] = positionOf(v);
    repair(x);
    return x;
}
