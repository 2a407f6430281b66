# Process.send_after, Process.cancel_timer and Process.read_timer.
defmodule Timers do
  def run do
    t1 = Process.send_after(self(), :tick, 50)
    IO.inspect(is_reference(t1), label: "send_after returns a reference")

    t2 = Process.send_after(self(), :cancelled, 30)
    remaining = Process.cancel_timer(t2)
    IO.inspect(is_integer(remaining) and remaining > 0 and remaining <= 30, label: "cancel returns ms left")
    IO.inspect(Process.cancel_timer(t2), label: "cancel again")

    left = Process.read_timer(t1)
    IO.inspect(is_integer(left) and left <= 50, label: "read_timer")

    receive do
      :tick -> IO.puts("tick arrived")
    end
    IO.inspect(Process.cancel_timer(t1), label: "cancel after it fired")
    IO.inspect(Process.read_timer(t1), label: "read_timer after it fired")

    receive do
      :cancelled -> IO.puts("cancelled timer fired anyway!")
    after
      60 -> IO.puts("cancelled timer never fired")
    end

    Process.send_after(self(), :b, 40)
    Process.send_after(self(), :a, 20)
    Process.send_after(self(), :c, 60)
    order = for _ <- 1..3, do: receive(do: (m -> m))
    IO.inspect(order, label: "by due time")

    Process.send_after(self(), :zero, 0)
    receive do
      :zero -> IO.puts("zero-delay timer")
    end

    ref = Process.send_after(self(), :async_cancel, 1000)
    IO.inspect(Process.cancel_timer(ref, async: true, info: false), label: "async cancel")

    :timer.send_after(10, :from_erlang_timer)
    receive do
      :from_erlang_timer -> IO.puts(":timer.send_after works too")
    end
  end
end

Timers.run()
