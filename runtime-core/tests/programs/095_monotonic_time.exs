# System.monotonic_time never goes backwards; sleeps are at least as long as asked.
t0 = System.monotonic_time()
Process.sleep(20)
t1 = System.monotonic_time()
IO.inspect(t1 > t0, label: "later reading is larger")
elapsed_ms = System.convert_time_unit(t1 - t0, :native, :millisecond)
IO.inspect(elapsed_ms >= 20, label: "slept at least 20 ms")

ms0 = System.monotonic_time(:millisecond)
us0 = System.monotonic_time(:microsecond)
Process.sleep(5)
IO.inspect(System.monotonic_time(:millisecond) >= ms0 + 5, label: "milliseconds")
IO.inspect(System.monotonic_time(:microsecond) >= us0 + 5000, label: "microseconds")
IO.inspect(is_integer(System.system_time(:second)), label: "system_time is an integer")
IO.inspect(System.convert_time_unit(1, :second, :millisecond))

readings = for _ <- 1..1000, do: System.monotonic_time()
IO.inspect(readings == Enum.sort(readings), label: "1000 readings in order")

{micros, :done} = :timer.tc(fn -> Process.sleep(10); :done end)
IO.inspect(micros >= 10_000, label: ":timer.tc measured the sleep")
