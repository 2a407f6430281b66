# The match operator with nested patterns, pins, underscores and repeated variables.
{a, {b, [c | d]}} = {1, {2, [3, 4, 5]}}
IO.inspect({a, b, c, d})
{x, x} = {7, 7}
IO.inspect(x)
[y, _, y] = [:same, :ignored, :same]
IO.inspect(y)
{_, _, third} = {:a, :b, :c}
IO.inspect(third)
{_ignored_but_named, kept} = {1, 2}
IO.inspect(kept)
%{inner: %{value: v}} = %{inner: %{value: 42, other: 0}, outer: 1}
IO.inspect(v)
pin = 5
{^pin, after_pin} = {5, :matched}
IO.inspect(after_pin)
pin = 6
IO.inspect(pin)
[first | _] = Enum.to_list(1..3)
IO.inspect(first)
whole = {:wrap, inner} = {:wrap, "x"}
IO.inspect({whole, inner})
{:ok, result} = {:ok, %{list: [1, 2]}}
IO.inspect(result)
"pre" <> suffix = "prefix"
IO.inspect(suffix)
[{:k, val} | _] = [k: 1, j: 2]
IO.inspect(val)
1 = 1
IO.inspect(match?({_, _}, {1, 2}))
IO.inspect(match?({_, _}, {1, 2, 3}))
IO.inspect(match?([_ | _], []))
IO.inspect(match?(%{a: _}, %{a: nil}))
IO.inspect(match?(x when x > 5, 7))
z = (w = 3) + 1
IO.inspect({w, z})
{m, n} = {n0, m0} = {10, 20}
IO.inspect({m, n, n0, m0})
list = [1, 2, 3]
[^first | rest] = list
IO.inspect(rest)
f = fn {:pair, l, r} -> l + r end
IO.inspect(f.({:pair, 2, 3}))
<<size, payload::binary-size(size), tail::binary>> = <<3, "abcdef">>
IO.inspect({payload, tail})
