// SPDX-License-Identifier: MIT
#include "dominatortree.h"

#include <utility>

DominatorTree::DominatorTree(
    const std::vector<int> &offsets, const std::vector<int> &targets, int root)
    : m_root(root)
{
    const int n = offsets.empty() ? 0 : static_cast<int>(offsets.size()) - 1;
    m_idom.assign(n, -1);
    m_number.assign(n, -1);
    if (root < 0 || root >= n)
        return;
    m_vertex.reserve(n);

    // Depth-first numbering; everything below works on numbers, not vertex ids.
    std::vector<int> parent;
    parent.reserve(n);
    {
        std::vector<std::pair<int, int>> stack; // vertex, next edge position
        m_number[root] = 0;
        m_vertex.push_back(root);
        parent.push_back(-1);
        stack.emplace_back(root, offsets[root]);
        while (!stack.empty()) {
            auto &[v, pos] = stack.back();
            if (pos == offsets[v + 1]) {
                stack.pop_back();
                continue;
            }
            const int w = targets[pos++];
            if (m_number[w] >= 0)
                continue;
            m_number[w] = static_cast<int>(m_vertex.size());
            parent.push_back(m_number[v]);
            m_vertex.push_back(w);
            stack.emplace_back(w, offsets[w]);
        }
    }
    const int count = static_cast<int>(m_vertex.size());

    // Predecessors (as numbers) of reachable vertices, in CSR form.
    std::vector<int> predOffsets(count + 1, 0);
    for (int i = 0; i < count; ++i) {
        const int v = m_vertex[i];
        for (int e = offsets[v]; e < offsets[v + 1]; ++e)
            ++predOffsets[m_number[targets[e]] + 1];
    }
    for (int i = 0; i < count; ++i)
        predOffsets[i + 1] += predOffsets[i];
    std::vector<int> preds(predOffsets[count]);
    {
        std::vector<int> fill(predOffsets.begin(), predOffsets.end() - 1);
        for (int i = 0; i < count; ++i) {
            const int v = m_vertex[i];
            for (int e = offsets[v]; e < offsets[v + 1]; ++e)
                preds[fill[m_number[targets[e]]]++] = i;
        }
    }

    std::vector<int> semi(count), label(count), ancestor(count, -1), dom(count, -1);
    std::vector<int> bucketHead(count, -1), bucketNext(count, -1);
    for (int i = 0; i < count; ++i) {
        semi[i] = i;
        label[i] = i;
    }
    std::vector<int> path;
    auto eval = [&](int v) {
        if (ancestor[v] < 0)
            return v;
        // Path compression, iteratively: climb to the last vertex below the forest root, then
        // fold labels down from there.
        int u = v;
        while (ancestor[ancestor[u]] >= 0) {
            path.push_back(u);
            u = ancestor[u];
        }
        while (!path.empty()) {
            const int x = path.back();
            path.pop_back();
            const int a = ancestor[x];
            if (semi[label[a]] < semi[label[x]])
                label[x] = label[a];
            ancestor[x] = ancestor[a];
        }
        return label[v];
    };

    for (int w = count - 1; w > 0; --w) {
        for (int e = predOffsets[w]; e < predOffsets[w + 1]; ++e) {
            const int u = eval(preds[e]);
            if (semi[u] < semi[w])
                semi[w] = semi[u];
        }
        bucketNext[w] = bucketHead[semi[w]];
        bucketHead[semi[w]] = w;
        const int p = parent[w];
        ancestor[w] = p;
        for (int v = bucketHead[p]; v >= 0; v = bucketNext[v]) {
            const int u = eval(v);
            dom[v] = semi[u] < semi[v] ? u : p;
        }
        bucketHead[p] = -1;
    }
    for (int w = 1; w < count; ++w) {
        if (dom[w] != semi[w])
            dom[w] = dom[dom[w]];
    }
    for (int w = 1; w < count; ++w)
        m_idom[m_vertex[w]] = m_vertex[dom[w]];
}

bool DominatorTree::dominates(int a, int b) const
{
    if (!isReachable(a) || !isReachable(b))
        return false;
    for (int v = b; v >= 0; v = m_idom[v]) {
        if (v == a)
            return true;
    }
    return false;
}
