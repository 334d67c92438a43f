// SPDX-License-Identifier: MIT
#pragma once

#include <vector>

/**
 * Places variables on a line near their desired positions under separation constraints
 * `x[right] >= x[left] + gap`: minimises sum(weight * (x - desired)^2) approximately with the
 * block-merging "satisfy" pass of VPSC (Dwyer, Marriott, Stuckey, "Fast node overlap removal",
 * 2005), followed by a forward pass that repairs any constraint the merging left violated.
 *
 * The constraints must form a directed acyclic graph; solve() returns an empty vector when they
 * do not. Variables and constraints are added once; desired positions and weights can change
 * between solves. Deterministic; about O((V + C) log V).
 */
class SeparationSolver
{
public:
    /** Adds a variable and returns its index (0, 1, 2 …). */
    int addVariable(double desired = 0, double weight = 1);
    /** Requires x[right] >= x[left] + gap. */
    void addConstraint(int left, int right, double gap);
    /** Sets where variable `var` wants to be and how much (weight > 0). */
    void setDesired(int var, double desired, double weight);
    int variableCount() const { return static_cast<int>(m_desired.size()); }

    /** The positions, or an empty vector if the constraints have a cycle. */
    std::vector<double> solve();
    /**
     * Leftmost positions that meet all constraints, every variable at least at its desired
     * position (a longest-path packing); empty if the constraints have a cycle.
     */
    std::vector<double> pack();

private:
    struct Constraint
    {
        int left = 0;
        int right = 0;
        double gap = 0;
    };
    struct Block
    {
        double position = 0;
        double weightedDesired = 0; // sum of weight * (desired - offset)
        double weight = 0;
        std::vector<int> variables;
        std::vector<int> in; // constraints whose right variable is in the block
    };

    bool prepare();
    void repair(std::vector<double> &x) const;

    std::vector<double> m_desired;
    std::vector<double> m_weight;
    std::vector<Constraint> m_constraints;
    std::vector<int> m_order; // topological order of the variables
    std::vector<int> m_inStart; // constraints into each variable: m_inList[m_inStart[v] ..]
    std::vector<int> m_inList;
    bool m_prepared = false;
    bool m_acyclic = true;
};
