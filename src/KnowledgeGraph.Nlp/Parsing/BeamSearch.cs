using KnowledgeGraph.Nlp.Models;

namespace KnowledgeGraph.Nlp.Parsing;

/// <summary>
/// Beam search over arc-hybrid configurations (Zhang and Clark 2008; Zhang and Nivre 2011): at every step each of the
/// K configurations in the beam is scored once (its features against every move), every valid move of every
/// configuration is a candidate scored by the configuration's total plus the move's score, and the K best candidates
/// form the next beam. Every move sequence of a sentence of n words has exactly 2n moves, so all configurations end
/// together and the best one is the parse: K scorings per move. Each step copies the K kept configurations over the
/// sentence's length (eleven int arrays of n + 1, block copies), so copying grows with n squared per sentence;
/// states with parent pointers would make it linear. Forced moves (SHIFT on an empty stack,
/// the last word to the root) add nothing to the score and extract no features, as in greedy parsing, so a beam of 1
/// makes the greedy parser's choices (ties: the earlier configuration, then the lowest move id).
/// For training (<see cref="Train"/>) every step keeps each candidate's parent, move and the parent's features, so the
/// best sequence at any step can be traced back for a max-violation update. Reused from sentence to sentence.
/// Not thread-safe (one per thread).
/// </summary>
internal sealed class BeamSearch
{
    /// <summary>Adds the scores of every move for the feature keys to the buffer.</summary>
    public delegate void Scorer(ReadOnlySpan<ulong> features, Span<float> scores);

    private Configuration[] _beam = [], _next = [];
    private double[] _score = [], _nextScore = [];
    private bool[] _gold = [], _nextGold = [];
    private readonly ulong[] _f = new ulong[ParseFeatures.MaxFeatures];
    private float[] _moveScores = [];
    // Candidates kept at one step, best first.
    private int[] _candParent = [], _candMove = [], _candBlock = [];
    private double[] _candScore = [];

    // History (training): per step t and beam slot j, at index t * K + j.
    private int[] _parent = [], _move = [], _block = [];
    private bool[] _isGold = [];
    private ulong[] _features = new ulong[1 << 12];
    private readonly Configuration _goldConfig = new();
    private int[] _goldMove = [], _goldBlock = [], _costs = [];
    private int[] _blockStart = new int[64], _blockCount = new int[64];
    private int _blocks, _featureCount;

    private bool _record;
    /// <summary>After <see cref="Decode"/>: the best final configuration.</summary>
    public Configuration Best => _beam[0];

    /// <summary>Parses one sentence (<paramref name="features"/> already loaded with it); the result is <see cref="Best"/>.</summary>
    public void Decode(ArcHybrid system, ParseFeatures features, int n, int width, Scorer score, int scoreWidth)
    {
        _record = false;
        Run(system, features, n, width, score, scoreWidth, null, null);
    }

    /// <summary>
    /// One max-violation update (Huang, Fayong and Guo 2012) on one sentence: the beam runs to the end alongside the
    /// gold path (at every step the zero-cost move the model scores highest, by the dynamic oracle's costs, so any
    /// correct derivation counts as gold), and at the step where the best configuration's score exceeds the gold
    /// prefix's by most, the gold prefix's features are rewarded and the best prefix's penalised (the steps they
    /// share cancel and are skipped). Returns whether an update was made.
    /// </summary>
    public bool Train(ArcHybrid system, ParseFeatures features, int n, int width, SparsePerceptronTrainer trainer, int[] goldHeads, int[] goldLabels)
    {
        _record = true;
        int tStar = Run(system, features, n, width, (f, s) => { foreach (var k in f) trainer.AddScores(k, s); }, system.MoveCount,
            goldHeads, goldLabels);
        if (tStar < 0) return false;
        int j = 0;
        for (int t = tStar; t >= 0; t--)
        {
            int h = t * width + j;
            if (_isGold[h]) break;
            Update(trainer, _block[h], _move[h], -1);
            Update(trainer, _goldBlock[t], _goldMove[t], 1);
            j = _parent[h];
        }
        return true;
    }

    private void Update(SparsePerceptronTrainer trainer, int block, int move, float delta)
    {
        if (block < 0) return;
        foreach (var k in _features.AsSpan(_blockStart[block], _blockCount[block])) trainer.Update(k, move, delta);
    }

    /// <summary>The search; with gold trees, also the gold path, and the step of largest violation (or -1).</summary>
    private int Run(ArcHybrid system, ParseFeatures features, int n, int width, Scorer score, int scoreWidth,
        int[]? goldHeads, int[]? goldLabels)
    {
        if (width < 1) throw new ArgumentOutOfRangeException(nameof(width));
        Ensure(width, scoreWidth, n);
        _blocks = 0; _featureCount = 0;
        _beam[0].Reset(n); _score[0] = 0; _gold[0] = true;
        bool training = goldHeads is not null;
        if (training) _goldConfig.Reset(n);
        double goldScore = 0, maxViolation = double.NegativeInfinity;
        int tStar = -1, size = 1;
        var ms = _moveScores.AsSpan(0, scoreWidth);
        for (int t = 0; t < 2 * n; t++)
        {
            int kept = 0;
            for (int i = 0; i < size; i++)
            {
                var c = _beam[i];
                int forced = Forced(system, c, n);
                if (forced >= 0) { kept = Offer(kept, width, i, forced, -1, _score[i]); continue; }
                int nf = features.Extract(c, _f);
                int block = _record ? Store(_f.AsSpan(0, nf)) : -1;
                ms.Clear();
                score(_f.AsSpan(0, nf), ms);
                for (int m = 0; m < system.MoveCount; m++)
                    if (system.IsValid(c, m)) kept = Offer(kept, width, i, m, block, _score[i] + ms[m]);
            }
            int goldMove = -1;
            if (training)
            {
                var g = _goldConfig;
                goldMove = Forced(system, g, n);
                _goldBlock[t] = -1;
                if (goldMove < 0)
                {
                    int nf = features.Extract(g, _f);
                    _goldBlock[t] = Store(_f.AsSpan(0, nf));
                    ms.Clear();
                    score(_f.AsSpan(0, nf), ms);
                    system.Costs(g, goldHeads!, goldLabels!, _costs);
                    goldMove = BestOfLeastCost(ms, _costs);
                    goldScore += ms[goldMove];
                }
                _goldMove[t] = goldMove;
                system.Apply(g, goldMove);
            }
            for (int j = 0; j < kept; j++)
            {
                int p = _candParent[j];
                _next[j].CopyFrom(_beam[p]);
                system.Apply(_next[j], _candMove[j]);
                _nextScore[j] = _candScore[j];
                _nextGold[j] = _gold[p] && _candMove[j] == goldMove;
                if (_record)
                {
                    int h = t * width + j;
                    _parent[h] = p; _move[h] = _candMove[j]; _block[h] = _candBlock[j]; _isGold[h] = _nextGold[j];
                }
            }
            (_beam, _next) = (_next, _beam);
            (_score, _nextScore) = (_nextScore, _score);
            (_gold, _nextGold) = (_nextGold, _gold);
            size = kept;
            // A violation: the best configuration is not the gold one and scores at least as high (a tie counts, or a zero model would never learn).
            if (training && !_gold[0] && _score[0] - goldScore >= 0 && _score[0] - goldScore > maxViolation) { maxViolation = _score[0] - goldScore; tStar = t; }
        }
        return tStar;
    }

    /// <summary>Of the moves of least cost, the one scored highest (ties: lowest id).</summary>
    internal static int BestOfLeastCost(ReadOnlySpan<float> scores, ReadOnlySpan<int> costs)
    {
        int min = int.MaxValue, best = -1;
        foreach (var c in costs) min = Math.Min(min, c);
        for (int m = 0; m < costs.Length; m++)
            if (costs[m] == min && (best < 0 || scores[m] > scores[best])) best = m;
        return best;
    }

    /// <summary>The move forced by the tree constraints, scored by no one, or -1.</summary>
    private static int Forced(ArcHybrid system, Configuration c, int n) =>
        c.StackCount == 0 ? ArcHybrid.Shift : c.B == n && c.StackCount == 1 ? system.Left(system.RootLabel) : -1;

    /// <summary>Inserts a candidate among the kept ones (best first; a tie goes after the earlier ones); returns the new count.</summary>
    private int Offer(int kept, int width, int parent, int move, int block, double s)
    {
        if (kept == width && !(s > _candScore[kept - 1])) return kept;
        int at = kept == width ? kept - 1 : kept;
        while (at > 0 && s > _candScore[at - 1])
        {
            _candScore[at] = _candScore[at - 1]; _candParent[at] = _candParent[at - 1];
            _candMove[at] = _candMove[at - 1]; _candBlock[at] = _candBlock[at - 1];
            at--;
        }
        _candScore[at] = s; _candParent[at] = parent; _candMove[at] = move; _candBlock[at] = block;
        return kept == width ? kept : kept + 1;
    }

    private int Store(ReadOnlySpan<ulong> f)
    {
        if (_featureCount + f.Length > _features.Length) Array.Resize(ref _features, Math.Max(_features.Length * 2, _featureCount + f.Length));
        if (_blocks == _blockStart.Length) { Array.Resize(ref _blockStart, _blocks * 2); Array.Resize(ref _blockCount, _blocks * 2); }
        f.CopyTo(_features.AsSpan(_featureCount));
        _blockStart[_blocks] = _featureCount; _blockCount[_blocks] = f.Length;
        _featureCount += f.Length;
        return _blocks++;
    }

    private void Ensure(int width, int scoreWidth, int n)
    {
        if (_beam.Length < width)
        {
            _beam = new Configuration[width]; _next = new Configuration[width];
            for (int i = 0; i < width; i++) { _beam[i] = new Configuration(); _next[i] = new Configuration(); }
            _score = new double[width]; _nextScore = new double[width];
            _gold = new bool[width]; _nextGold = new bool[width];
            _candParent = new int[width]; _candMove = new int[width]; _candBlock = new int[width]; _candScore = new double[width];
        }
        if (_moveScores.Length < scoreWidth) _moveScores = new float[scoreWidth];
        if (_record && _parent.Length < 2 * n * width)
        {
            int cap = Math.Max(2 * n * width, _parent.Length * 2);
            _parent = new int[cap]; _move = new int[cap]; _block = new int[cap]; _isGold = new bool[cap];
        }
        if (_record && _goldMove.Length < 2 * n) { _goldMove = new int[Math.Max(2 * n, 64)]; _goldBlock = new int[_goldMove.Length]; }
        if (_costs.Length != scoreWidth && _record) _costs = new int[scoreWidth];
    }
}
