"""What the voting app tells the apps above it, without knowing them."""

from django.dispatch import Signal

# A station's counting was reopened after publication (arguments: station, by): published
# results can no longer be called final. Results listens and marks them preliminary.
counting_reopened = Signal()
