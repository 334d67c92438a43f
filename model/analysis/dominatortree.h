// SPDX-License-Identifier: MIT
#pragma once

#include <vector>

/**
 * Immediate dominators of a directed graph from a root, by Lengauer and Tarjan's algorithm
 * (semi-dominators with path compression: O(m log n), iterative so deep graphs cannot overflow
 * the stack). Vertex v dominates w when every path from the root to w passes through v.
 *
 * The graph is given in compressed sparse row form: the successors of vertex v are
 * `targets[offsets[v] .. offsets[v + 1])`. Vertices not reachable from the root have no
 * immediate dominator (-1), like the root itself.
 */
class DominatorTree
{
public:
    DominatorTree(const std::vector<int> &offsets, const std::vector<int> &targets, int root);

    int root() const { return m_root; }
    /** The immediate dominator of v; -1 for the root and for unreachable vertices. */
    int idom(int v) const { return m_idom[v]; }
    bool isReachable(int v) const { return m_number[v] >= 0; }
    /** Reachable vertices in depth-first preorder: every vertex comes after its dominators. */
    const std::vector<int> &preorder() const { return m_vertex; }
    /** True when a dominates b (a == b included). Walks the tree: O(depth). */
    bool dominates(int a, int b) const;

private:
    int m_root = 0;
    std::vector<int> m_idom;
    std::vector<int> m_number; ///< depth-first number, -1 when unreachable
    std::vector<int> m_vertex; ///< vertex of each depth-first number
};
