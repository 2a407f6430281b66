# Enum.reduce over a range of one million integers with an anonymous function.
IO.puts(Enum.reduce(1..1_000_000, 0, fn x, acc -> acc + x end))
