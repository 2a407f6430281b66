# for comprehensions: generators, filters, patterns, into, uniq and reduce.
IO.inspect(for x <- [1, 2, 3], do: x * x)
IO.inspect(for x <- 1..10, rem(x, 3) == 0, do: x)
IO.inspect(for x <- 1..3, y <- [:a, :b], do: {x, y})
IO.inspect(for x <- 1..4, y <- 1..4, x < y, x + y == 5, do: {x, y})
IO.inspect(for {:ok, v} <- [{:ok, 1}, {:error, 2}, {:ok, 3}, :skip], do: v)
IO.inspect(for {k, v} <- %{a: 1, b: 2}, do: {v, k})
IO.inspect(for {k, v} <- [a: 1, b: 2], into: %{}, do: {k, v * 10})
IO.inspect(for c <- ["a", "b", "c"], into: "", do: String.upcase(c))
IO.inspect(for x <- [1, 2, 1, 3, 2], uniq: true, do: x)
IO.inspect(for x <- 1..5, reduce: 0 do
  acc -> acc + x
end)
IO.inspect(for x <- [3, 1, 2], reduce: {nil, nil} do
  {nil, nil} -> {x, x}
  {lo, hi} -> {min(lo, x), max(hi, x)}
end)
IO.inspect(for <<c <- "hello">>, c != ?l, into: "", do: <<c + 1>>)
IO.inspect(for x <- [], do: x)
IO.inspect(for x <- [1, 2, 3], x > 5, do: x)
IO.inspect(for n <- [1, 2], m = n * 10, do: m + n)
IO.inspect(for [a, b] <- [[1, 2], [3], [4, 5]], do: a * b)
IO.inspect(for x <- 1..3, into: %{}, do: {x, x * x})
IO.inspect(for i <- 1..3, j <- i..3, do: i * j)
IO.inspect(for x when is_integer(x) <- [1, :a, 2.0, 3], do: x)
IO.inspect(for x <- [1, 2, 3], filter = x * 2, filter > 2, do: filter)
pairs = for a <- 1..20, b <- a..20, c <- b..20, a * a + b * b == c * c, do: {a, b, c}
IO.inspect(pairs)
IO.inspect(for word <- ~w(apple banana avocado cherry), String.starts_with?(word, "a"), do: word)
