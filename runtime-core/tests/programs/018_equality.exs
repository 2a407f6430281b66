# == versus === and friends.
pairs = [
  {1, 1}, {1, 1.0}, {0, -0.0}, {:a, :a}, {"a", "a"}, {"a", 'a'}, {[1], [1.0]},
  {{1, 2}, {1, 2.0}}, {%{a: 1}, %{a: 1.0}}, {nil, false}, {[], []}, {%{}, %{}}
]

for {a, b} <- pairs do
  IO.puts("#{inspect(a)} vs #{inspect(b)}: == #{a == b}, === #{a === b}, != #{a != b}, !== #{a !== b}")
end

IO.inspect(%{1 => :x}[1.0])
IO.inspect(Map.get(%{1.0 => :y}, 1))
IO.inspect(1 in [1.0])
IO.inspect(Enum.member?([1.0], 1))
IO.inspect(Enum.uniq([1, 1.0, 1]))
IO.inspect(List.delete([1.0, 1], 1))
IO.inspect([1, 1.0, 2] -- [1])
x = 1
IO.inspect(match?(^x, 1.0))
IO.inspect(match?(1, 1))
IO.inspect(case 1.0 do
  1 -> :integer_pattern
  1.0 -> :float_pattern
end)
