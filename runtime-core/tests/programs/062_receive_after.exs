# receive ... after: zero and positive timeouts, nested receives, :infinity.
result =
  receive do
    :never_sent -> :got_it
  after
    0 -> :empty_mailbox
  end
IO.inspect(result)

send(self(), :ready)
IO.inspect(receive do
  :ready -> :already_there
after
  0 -> :timeout
end)

IO.inspect(receive do
  :never -> :no
after
  30 -> :waited_30ms
end)

me = self()
spawn(fn -> Process.sleep(20); send(me, :late) end)

IO.inspect(receive do
  :late -> :arrived_before_timeout
after
  1000 -> :timed_out
end)

spawn(fn -> Process.sleep(200); send(me, :too_late) end)
IO.inspect(receive do
  :too_late -> :arrived
after
  20 -> :gave_up_first
end)

IO.inspect(receive do
  :too_late -> :eventually_arrived
after
  :infinity -> :unreachable
end)

send(self(), {:outer, 1})
send(self(), {:inner, 2})
receive do
  {:outer, a} ->
    receive do
      {:inner, b} -> IO.inspect({:nested, a, b})
    after
      0 -> IO.puts("no inner")
    end
end

defmodule Wait do
  def for_ms(ms) do
    receive do
    after
      ms -> :slept
    end
  end
end
IO.inspect(Wait.for_ms(5))
t0 = System.monotonic_time(:millisecond)
Wait.for_ms(50)
elapsed = System.monotonic_time(:millisecond) - t0
IO.inspect(elapsed >= 50, label: "waited at least 50 ms")
