namespace KnowledgeGraph.Nlp.Parsing;

/// <summary>
/// Pseudo-projective parsing (Nivre and Nilsson 2005, "head" encoding). Training trees are made projective by
/// lifting each crossing arc to the head's head, shortest arc first, until none crosses; a lifted word's relation
/// becomes "rel|headrel", where headrel is the relation of the word it really depends on. After parsing,
/// <see cref="Lower"/> moves such a word back down: breadth-first below its parsed head, to the first word whose
/// relation is headrel. Heads are 0-based, -1 for the root.
/// </summary>
public static class PseudoProjective
{
    public const char Marker = '|';

    /// <summary>Whether no arc crosses another (every word between a head and its dependent descends from the head).</summary>
    public static bool IsProjective(IReadOnlyList<int> heads)
    {
        for (int d = 0; d < heads.Count; d++)
            if (!IsProjectiveArc(heads, d)) return false;
        return true;
    }

    private static bool IsProjectiveArc(IReadOnlyList<int> heads, int d)
    {
        int h = heads[d];
        if (h < 0) return true; // everything descends from the root
        int lo = Math.Min(h, d), hi = Math.Max(h, d);
        for (int k = lo + 1; k < hi; k++)
            if (!Dominates(heads, h, k)) return false;
        return true;
    }

    private static bool Dominates(IReadOnlyList<int> heads, int h, int k)
    {
        for (int steps = 0; k >= 0 && steps <= heads.Count; steps++)
        {
            if (k == h) return true;
            k = heads[k];
        }
        return false;
    }

    /// <summary>The projective tree to train on: lifted heads and encoded relations. The input is not changed.</summary>
    public static (int[] Heads, string[] Labels) Lift(IReadOnlyList<int> heads, IReadOnlyList<string> labels)
    {
        var h = heads.ToArray();
        var l = labels.ToArray();
        while (true)
        {
            int pick = -1, pickLength = int.MaxValue;
            for (int d = 0; d < h.Length; d++)
            {
                if (h[d] < 0 || IsProjectiveArc(h, d)) continue;
                int length = Math.Abs(h[d] - d);
                if (length < pickLength) { pick = d; pickLength = length; }
            }
            if (pick < 0) return (h, l);
            int head = h[pick];
            // Arcs from the root word never cross in a single-rooted tree; with several roots, stop lifting.
            if (h[head] < 0) return (h, l);
            // Encode the relation of the real head once (a word lifted twice keeps it).
            if (l[pick].IndexOf(Marker, StringComparison.Ordinal) < 0) l[pick] = l[pick] + Marker + Plain(l[head]);
            h[pick] = h[head];
        }
    }

    /// <summary>The relation without the lifting mark ("obj|ccomp" -> "obj").</summary>
    public static string Plain(string label)
    {
        int m = label.IndexOf(Marker, StringComparison.Ordinal);
        return m < 0 ? label : label[..m];
    }

    /// <summary>Undoes the lifting on a parsed tree, in place: every "rel|headrel" becomes "rel", moved down when a headrel word is found.</summary>
    public static void Lower(int[] heads, string[] labels)
    {
        int n = heads.Length;
        var children = new List<int>[n];
        for (int i = 0; i < n; i++) children[i] = new List<int>();
        for (int i = 0; i < n; i++) if (heads[i] >= 0) children[heads[i]].Add(i);
        // Top-down, so that a word lifted below another lifted word finds it already in place.
        var order = new List<int>(n);
        for (int i = 0; i < n; i++) if (heads[i] < 0) order.Add(i);
        for (int k = 0; k < order.Count; k++) order.AddRange(children[order[k]]);
        var queue = new Queue<int>();
        foreach (var d in order)
        {
            int m = labels[d].IndexOf(Marker, StringComparison.Ordinal);
            if (m < 0) continue;
            var want = labels[d][(m + 1)..];
            labels[d] = labels[d][..m];
            int h = heads[d];
            if (h < 0) continue;
            queue.Clear();
            foreach (var c in children[h]) if (c != d) queue.Enqueue(c);
            int found = -1;
            while (queue.Count > 0)
            {
                int x = queue.Dequeue();
                if (Plain(labels[x]) == want) { found = x; break; }
                foreach (var c in children[x]) queue.Enqueue(c);
            }
            if (found < 0) continue;
            children[h].Remove(d);
            children[found].Add(d);
            children[found].Sort();
            heads[d] = found;
        }
    }
}
