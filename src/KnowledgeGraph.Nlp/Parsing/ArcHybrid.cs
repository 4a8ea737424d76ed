namespace KnowledgeGraph.Nlp.Parsing;

/// <summary>
/// The arc-hybrid transition system (Kuhlmann, Gomez-Rodriguez and Satta 2011) with the root at the end of the
/// buffer (Ballesteros and Nivre 2013). A configuration is a stack, a buffer (the words from <see cref="B"/> to
/// <see cref="N"/>, where position N is the artificial root) and the arcs built so far. Three moves:
/// <list type="bullet">
/// <item>SHIFT pushes the first buffer word;</item>
/// <item>LEFT-l makes the first buffer word the head of the stack top (relation l) and pops it;</item>
/// <item>RIGHT-l makes the word below the stack top its head and pops it.</item>
/// </list>
/// Every word is shifted once and popped once, so a sentence of n words takes exactly 2n moves: linear time.
/// LEFT onto the root is allowed only when the stack holds one word, so every parse is a tree with one root.
/// Move ids: 0 = SHIFT, 1 + l = LEFT-l, 1 + L + l = RIGHT-l for L labels.
/// </summary>
public sealed class ArcHybrid
{
    public const int Shift = 0;

    private readonly int[] _labelGroup;

    /// <param name="labelGroup">For each label, a number below 64 naming its plain relation (a lifted "obj|ccomp" and "obj" share one), for the relation-set features.</param>
    /// <param name="rootLabel">The label of the arc to the root.</param>
    public ArcHybrid(int[] labelGroup, int rootLabel)
    {
        int labelCount = labelGroup.Length;
        if (labelCount < 1 || 1 + 2 * labelCount > 255) throw new InvalidDataException($"label count {labelCount} out of range");
        if ((uint)rootLabel >= (uint)labelCount) throw new InvalidDataException("root label out of range");
        foreach (var g in labelGroup) if ((uint)g >= 64) throw new InvalidDataException("label group out of range");
        LabelCount = labelCount; RootLabel = rootLabel; _labelGroup = labelGroup;
    }

    public int LabelCount { get; }
    public int RootLabel { get; }
    public int MoveCount => 1 + 2 * LabelCount;

    public int Left(int label) => 1 + label;
    public int Right(int label) => 1 + LabelCount + label;
    public bool IsLeft(int move) => move >= 1 && move <= LabelCount;
    public int LabelOf(int move) => move <= LabelCount ? move - 1 : move - 1 - LabelCount;

    /// <summary>Whether <paramref name="move"/> may be applied in <paramref name="c"/> (the tree constraints above).</summary>
    public bool IsValid(Configuration c, int move)
    {
        if (move == Shift) return c.B < c.N;
        int label = LabelOf(move);
        if (IsLeft(move))
            return c.StackCount >= 1 && (c.B < c.N ? label != RootLabel : c.StackCount == 1 && label == RootLabel);
        return c.StackCount >= 2 && label != RootLabel;
    }

    public void Apply(Configuration c, int move)
    {
        if (move == Shift) { c.Push(c.B++); return; }
        int label = LabelOf(move);
        int dep = c.Pop();
        c.AddArc(IsLeft(move) ? c.B : c.Stack[c.StackCount - 1], dep, label, _labelGroup[label]);
    }

    /// <summary>
    /// Cost of each move in <paramref name="c"/> with respect to a projective gold tree (Goldberg and Nivre 2013's
    /// dynamic oracle for arc-hybrid): how many gold arcs still reachable the move makes unreachable, plus 1 for a
    /// right head with a wrong label. <paramref name="goldHeads"/> uses position N for the root. Invalid moves get
    /// <see cref="int.MaxValue"/>.
    /// </summary>
    public void Costs(Configuration c, int[] goldHeads, int[] goldLabels, Span<int> costs)
    {
        int n = c.N, b = c.B;
        int s0 = c.StackCount >= 1 ? c.Stack[c.StackCount - 1] : -1;
        int s1 = c.StackCount >= 2 ? c.Stack[c.StackCount - 2] : -1;
        costs.Fill(int.MaxValue);
        if (b < n)
        {
            // SHIFT: b0 can no longer take a head deeper in the stack than s0, nor be the head of any stack word.
            int cost = 0;
            for (int k = 0; k < c.StackCount; k++)
            {
                int w = c.Stack[k];
                if (goldHeads[w] == b) cost++;
                if (w != s0 && goldHeads[b] == w) cost++;
            }
            costs[Shift] = cost;
        }
        if (s0 < 0) return;
        int lostDependents = 0;
        for (int d = b; d < n; d++) if (goldHeads[d] == s0) lostDependents++;
        int g = goldHeads[s0];
        // LEFT: s0 loses the heads s1 and the buffer beyond b0, and its dependents in the buffer.
        int left = lostDependents + (g == s1 || g > b ? 1 : 0);
        // RIGHT: s0 loses every head in the buffer (the root included) and its dependents there.
        int right = lostDependents + (g >= b ? 1 : 0);
        for (int l = 0; l < LabelCount; l++)
        {
            if (IsValid(c, Left(l))) costs[Left(l)] = left + (g == b && l != goldLabels[s0] ? 1 : 0);
            if (s1 >= 0 && IsValid(c, Right(l))) costs[Right(l)] = right + (g == s1 && l != goldLabels[s0] ? 1 : 0);
        }
    }

    /// <summary>The valid move with the highest score (ties: lowest id); -1 when none is valid (the parse is done).</summary>
    public int BestValid(Configuration c, ReadOnlySpan<float> scores)
    {
        int best = -1; float bestScore = float.NegativeInfinity;
        if (c.B < c.N) { best = Shift; bestScore = scores[Shift]; }
        if (c.StackCount == 0) return best;
        int L = LabelCount;
        if (c.B == c.N)
        {
            // Only the last word may go to the root; before that, only RIGHT moves are left.
            if (c.StackCount == 1) return Left(RootLabel);
        }
        else
        {
            for (int l = 0; l < L; l++)
                if (l != RootLabel && scores[1 + l] > bestScore) { best = 1 + l; bestScore = scores[1 + l]; }
        }
        if (c.StackCount >= 2)
            for (int l = 0; l < L; l++)
                if (l != RootLabel && scores[1 + L + l] > bestScore) { best = 1 + L + l; bestScore = scores[1 + L + l]; }
        return best;
    }
}

/// <summary>
/// A parser configuration over one sentence of <see cref="N"/> words (position N is the root): stack, buffer front,
/// the arcs so far, and for every word the two leftmost and two rightmost dependents, their counts and the set of
/// their relations, which the features read. Reused from sentence to sentence (no allocation once large enough).
/// </summary>
public sealed class Configuration
{
    public const int None = -1;
    public int N;
    public int B;
    public int[] Stack = new int[64];
    public int StackCount;
    public int[] Head = new int[64];
    public int[] Label = new int[64];
    public int[] Left1 = new int[64], Left2 = new int[64], Right1 = new int[64], Right2 = new int[64];
    public int[] LeftCount = new int[64], RightCount = new int[64];
    public ulong[] LeftLabels = new ulong[64], RightLabels = new ulong[64];

    public void Reset(int n)
    {
        N = n; B = 0; StackCount = 0;
        int len = n + 1;
        if (Head.Length < len)
        {
            int cap = Math.Max(len, Head.Length * 2);
            Stack = new int[cap]; Head = new int[cap]; Label = new int[cap];
            Left1 = new int[cap]; Left2 = new int[cap]; Right1 = new int[cap]; Right2 = new int[cap];
            LeftCount = new int[cap]; RightCount = new int[cap]; LeftLabels = new ulong[cap]; RightLabels = new ulong[cap];
        }
        Array.Fill(Head, None, 0, len); Array.Fill(Label, None, 0, len);
        Array.Fill(Left1, None, 0, len); Array.Fill(Left2, None, 0, len); Array.Fill(Right1, None, 0, len); Array.Fill(Right2, None, 0, len);
        Array.Clear(LeftCount, 0, len); Array.Clear(RightCount, 0, len); Array.Clear(LeftLabels, 0, len); Array.Clear(RightLabels, 0, len);
    }

    /// <summary>Makes this configuration a copy of <paramref name="o"/> (only the live part of the arrays is copied).</summary>
    public void CopyFrom(Configuration o)
    {
        int len = o.N + 1;
        if (Head.Length < len) Reset(o.N);
        N = o.N; B = o.B; StackCount = o.StackCount;
        Array.Copy(o.Stack, Stack, o.StackCount);
        Array.Copy(o.Head, Head, len); Array.Copy(o.Label, Label, len);
        Array.Copy(o.Left1, Left1, len); Array.Copy(o.Left2, Left2, len); Array.Copy(o.Right1, Right1, len); Array.Copy(o.Right2, Right2, len);
        Array.Copy(o.LeftCount, LeftCount, len); Array.Copy(o.RightCount, RightCount, len);
        Array.Copy(o.LeftLabels, LeftLabels, len); Array.Copy(o.RightLabels, RightLabels, len);
    }

    public bool IsTerminal => StackCount == 0 && B == N;

    /// <summary>The i-th word from the top of the stack (0 = top), or <see cref="None"/>.</summary>
    public int S(int i) => i < StackCount ? Stack[StackCount - 1 - i] : None;

    /// <summary>The i-th word of the buffer (0 = front; the root is the last), or <see cref="None"/>.</summary>
    public int Buf(int i) => B + i <= N ? B + i : None;

    internal void Push(int w) => Stack[StackCount++] = w;
    internal int Pop() => Stack[--StackCount];

    internal void AddArc(int head, int dep, int label, int group)
    {
        Head[dep] = head; Label[dep] = label;
        ulong bit = 1UL << group;
        // In arc-hybrid a new left dependent is always the leftmost so far, a new right dependent the rightmost.
        if (dep < head) { Left2[head] = Left1[head]; Left1[head] = dep; LeftCount[head]++; LeftLabels[head] |= bit; }
        else { Right2[head] = Right1[head]; Right1[head] = dep; RightCount[head]++; RightLabels[head] |= bit; }
    }
}
