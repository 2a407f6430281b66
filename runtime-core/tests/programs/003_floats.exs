# How floats print, and the float functions.
values = [
  0.0, 1.0, -1.5, 0.1, 0.1 + 0.2, 1 / 3, 2 / 3, 100.0, 123456789.0,
  1.0e15, 1.0e16, 1.0e20, 1.5e300, 1.0e-3, 1.0e-4, 1.0e-5, 0.000123,
  3.14159, 2.5e-10, 9007199254740993.0, 1.0e100, 12.5e3, -0.0
]

for v <- values do
  IO.puts("#{inspect(v)} | #{v} | #{Float.to_string(v)}")
end

IO.inspect(3.7 + 1)
IO.inspect(2 * 1.5)
IO.inspect(7 / 2)
IO.inspect(10.0 - 0.1)
IO.inspect(:math.sqrt(2))
IO.inspect(:math.pi())
IO.inspect(:math.pow(2, 0.5))
IO.inspect(2.0 ** 10)

for f <- [2.5, 3.5, -2.5, 2.4, -2.6, 0.5] do
  IO.inspect({f, round(f), trunc(f), ceil(f), floor(f)})
end

IO.inspect(Float.round(3.14159, 2))
IO.inspect(Float.round(2.675, 2))
IO.inspect(Float.round(1234.5678, 0))
IO.inspect(Float.ceil(1.231, 2))
IO.inspect(Float.floor(1.239, 2))
IO.inspect(abs(-2.5))
IO.inspect(1.0 == 1)
IO.inspect(1.0 === 1)
IO.inspect(is_float(1.0))
IO.inspect(Float.parse("3.25abc"))
IO.inspect(String.to_float("0.5"))
IO.inspect(Integer.to_string(round(99.5)))
IO.inspect(max(1, 1.0))
IO.inspect(min(2, 1.5))
