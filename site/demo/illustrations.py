"""Abstract illustrations for the demo stories, drawn with Pillow when the demo is seeded.

Each style is made for its place in a story: paper-cut layers, light, lines and texture. They are
deterministic (a seeded random generator, no clock, no system noise) and never show faces, chains,
barcodes or cages. The alt text of each, in demo/content.py, describes what the drawing shows.
"""

import io
import math
import random

from PIL import Image, ImageChops, ImageDraw, ImageFilter

WIDTH, HEIGHT = 1600, 1000


def rgb(colour: str) -> tuple[int, int, int]:
    return tuple(int(colour[i : i + 2], 16) for i in (1, 3, 5))


def mix(a, b, share: float):
    return tuple(int(x + (y - x) * share) for x, y in zip(a, b, strict=True))


def gradient(top, bottom, size=(WIDTH, HEIGHT)) -> Image.Image:
    """A vertical gradient, drawn as a 1-pixel column and stretched (fast, exact)."""
    column = Image.new("RGB", (1, 256))
    for y in range(256):
        column.putpixel((0, y), mix(top, bottom, y / 255))
    return column.resize(size, Image.Resampling.BILINEAR)


def grain(image: Image.Image, rng: random.Random, strength: float = 0.16) -> Image.Image:
    """Paper texture: seeded noise, small and scaled up, laid softly over the picture."""
    small = Image.frombytes("L", (400, 250), rng.randbytes(400 * 250))
    noise = small.resize(image.size, Image.Resampling.BICUBIC).convert("RGB")
    return Image.blend(image, ImageChops.overlay(image, noise), strength)


def shadowed(canvas: Image.Image, shape: Image.Image, colour, offset=(0, 14), blur=18):
    """Lays a paper-cut shape (a mask) on the canvas, with a soft shadow under it. Only the
    shape's own box is blurred, which keeps seeding quick."""
    box = shape.getbbox()
    if box is None:
        return
    margin = blur * 3
    left, top = max(0, box[0] - margin), max(0, box[1] - margin)
    right, bottom = min(WIDTH, box[2] + margin), min(HEIGHT, box[3] + margin)
    part = shape.crop((left, top, right, bottom)).filter(ImageFilter.GaussianBlur(blur))
    canvas.paste(
        (0, 0, 0), (left + offset[0], top + offset[1]), part.point(lambda v: int(v * 0.45))
    )
    canvas.paste(colour, (0, 0), shape)


def ridge_mask(rng, base_y, amplitude, waves, jitter=0.0) -> Image.Image:
    mask = Image.new("L", (WIDTH, HEIGHT), 0)
    phase = rng.random() * math.tau
    points = [(0, HEIGHT)]
    for x in range(0, WIDTH + 20, 20):
        wobble = math.sin(x / WIDTH * math.tau * waves + phase) * amplitude
        wobble += math.sin(x / WIDTH * math.tau * waves * 2.7 + phase * 2) * amplitude * jitter
        points.append((x, base_y + wobble))
    points.append((WIDTH, HEIGHT))
    ImageDraw.Draw(mask).polygon(points, fill=255)
    return mask


# --- Styles ---------------------------------------------------------------------------------------


def hills(rng, palette):
    """Layers of paper-cut hills under a pale sun, lighter towards the back."""
    sky, sun, *layers = palette
    canvas = gradient(rgb(sky), mix(rgb(sky), (255, 255, 255), 0.5))
    draw = ImageDraw.Draw(canvas)
    cx, cy, r = WIDTH * (0.25 + rng.random() * 0.5), HEIGHT * 0.32, 130
    draw.ellipse([cx - r, cy - r, cx + r, cy + r], fill=rgb(sun))
    for index, colour in enumerate(layers):
        mask = ridge_mask(
            rng, HEIGHT * (0.45 + index * 0.13), 60 - index * 8, 1.2 + index * 0.4, 0.3
        )
        shadowed(canvas, mask, rgb(colour))
    return canvas


def horizon(rng, palette):
    """A wide, pale sky over a low dark horizon, with long thin streaks of cloud."""
    sky_top, sky_low, land, streak = (rgb(c) for c in palette)
    canvas = gradient(sky_top, sky_low)
    draw = ImageDraw.Draw(canvas)
    for _ in range(9):
        y = rng.randrange(80, int(HEIGHT * 0.6))
        x = rng.randrange(-200, WIDTH)
        length = rng.randrange(300, 900)
        draw.rounded_rectangle([x, y, x + length, y + rng.randrange(6, 16)], 8, fill=streak)
    canvas = canvas.filter(ImageFilter.GaussianBlur(2))
    shadowed(canvas, ridge_mask(rng, HEIGHT * 0.8, 14, 0.8), land, offset=(0, -6))
    return canvas


def threads(rng, palette):
    """Many thin coloured lines that start far apart and draw together towards one point."""
    ground, *colours = (rgb(c) for c in palette)
    canvas = gradient(ground, mix(ground, (0, 0, 0), 0.08))
    draw = ImageDraw.Draw(canvas)
    target = (WIDTH * 0.82, HEIGHT * 0.5)
    for index in range(46):
        start = (-20, HEIGHT * index / 45)
        bend = (WIDTH * 0.45, start[1] * 0.6 + target[1] * 0.4 + rng.randrange(-60, 60))
        points = []
        for step in range(41):
            t = step / 40
            x = (1 - t) ** 2 * start[0] + 2 * (1 - t) * t * bend[0] + t * t * target[0]
            y = (1 - t) ** 2 * start[1] + 2 * (1 - t) * t * bend[1] + t * t * target[1]
            points.append((x, y))
        draw.line(points, fill=colours[index % len(colours)], width=4, joint="curve")
    draw.ellipse([target[0] - 18, target[1] - 18, target[0] + 18, target[1] + 18], fill=colours[0])
    return canvas


def planes(rng, palette):
    """Overlapping sheets of paper in warm tones, each tilted a little, with soft shadows."""
    ground, *colours = (rgb(c) for c in palette)
    canvas = gradient(ground, mix(ground, (0, 0, 0), 0.05))
    for index in range(7):
        w, h = rng.randrange(420, 820), rng.randrange(260, 520)
        sheet = Image.new("L", (w, h), 255).rotate(rng.uniform(-14, 14), expand=True)
        mask = Image.new("L", (WIDTH, HEIGHT), 0)
        mask.paste(sheet, (rng.randrange(-100, WIDTH - 300), rng.randrange(-80, HEIGHT - 200)))
        shadowed(canvas, mask, colours[index % len(colours)])
    return canvas


def doorway(rng, palette):
    """A dark wall with one open doorway; light falls through it across the floor."""
    wall, floor, light = (rgb(c) for c in palette[:3])
    canvas = gradient(wall, mix(wall, (0, 0, 0), 0.3))
    draw = ImageDraw.Draw(canvas, "RGBA")
    draw.rectangle([0, HEIGHT * 0.72, WIDTH, HEIGHT], fill=floor)
    left = WIDTH * (0.38 + rng.random() * 0.1)
    door = [left, HEIGHT * 0.18, left + 230, HEIGHT * 0.72]
    draw.rectangle(door, fill=light)
    beam = [
        (door[0], door[3]),
        (door[2], door[3]),
        (door[2] + 520, HEIGHT),
        (door[0] - 160, HEIGHT),
    ]
    draw.polygon(beam, fill=(*light, 150))
    return canvas.filter(ImageFilter.GaussianBlur(1.5))


def windows(rng, palette):
    """Dark blocks of houses at dusk, a few of their small windows lit."""
    sky, block, lit = (rgb(c) for c in palette[:3])
    canvas = gradient(sky, mix(sky, (0, 0, 0), 0.4))
    draw = ImageDraw.Draw(canvas)
    x = -40
    while x < WIDTH:
        w, top = rng.randrange(180, 340), rng.randrange(int(HEIGHT * 0.3), int(HEIGHT * 0.6))
        shade = mix(block, (0, 0, 0), rng.random() * 0.3)
        draw.rectangle([x, top, x + w, HEIGHT], fill=shade)
        for wy in range(top + 40, HEIGHT - 60, 90):
            for wx in range(x + 30, x + w - 50, 70):
                if rng.random() < 0.22:
                    draw.rectangle([wx, wy, wx + 34, wy + 46], fill=lit)
        x += w + rng.randrange(0, 30)
    return canvas


def path(rng, palette):
    """A pale path winding through layered fields up to a bright horizon."""
    sky, path_colour, *fields = (rgb(c) for c in palette)
    canvas = gradient(mix(sky, (255, 255, 255), 0.4), sky)
    for index, colour in enumerate(fields):
        shadowed(
            canvas, ridge_mask(rng, HEIGHT * (0.42 + index * 0.14), 20, 0.7 + index * 0.3), colour
        )
    mask = Image.new("L", (WIDTH, HEIGHT), 0)
    draw = ImageDraw.Draw(mask)
    points = []
    for step in range(61):
        t = step / 60
        y = HEIGHT * (0.42 + 0.58 * t**1.6)
        x = WIDTH * 0.55 + math.sin(t * 5.5) * WIDTH * 0.18 * t
        points.append((x, y, 4 + 150 * t**1.8))
    for x, y, half in points:
        draw.ellipse([x - half, y - half * 0.35, x + half, y + half * 0.35], fill=255)
    canvas.paste(path_colour, (0, 0), mask.filter(ImageFilter.GaussianBlur(3)))
    return canvas


def ripples(rng, palette):
    """Rings spreading outwards over dark, still water."""
    water, ring, glow = (rgb(c) for c in palette[:3])
    canvas = gradient(mix(water, (255, 255, 255), 0.12), water)
    layer = Image.new("RGB", (WIDTH, HEIGHT), (0, 0, 0))
    draw = ImageDraw.Draw(layer)
    for _ in range(3):
        cx, cy = rng.randrange(300, WIDTH - 300), rng.randrange(300, HEIGHT - 250)
        for radius in range(40, 900, 70):
            draw.ellipse(
                [cx - radius, cy - radius * 0.45, cx + radius, cy + radius * 0.45],
                outline=ring,
                width=5,
            )
        draw.ellipse([cx - 30, cy - 14, cx + 30, cy + 14], fill=glow)
    return ImageChops.screen(canvas, layer.filter(ImageFilter.GaussianBlur(2)))


def mosaic(rng, palette):
    """A mosaic of triangles in muted shades that grow brighter towards one corner."""
    dark, light, accent = (rgb(c) for c in palette[:3])
    canvas = Image.new("RGB", (WIDTH, HEIGHT), dark)
    draw = ImageDraw.Draw(canvas)
    size = 125
    for row in range(HEIGHT // size + 2):
        for column in range(WIDTH // size + 2):
            x, y = column * size, row * size
            for triangle in (
                [(x, y), (x + size, y), (x, y + size)],
                [(x + size, y), (x + size, y + size), (x, y + size)],
            ):
                share = min(1.0, (x / WIDTH) * 0.7 + (1 - y / HEIGHT) * 0.4 + rng.random() * 0.25)
                colour = accent if rng.random() < 0.04 else mix(dark, light, share)
                draw.polygon(triangle, fill=colour)
    return canvas


def steps_rising(rng, palette):
    """Blocks rising like stairs from dark at the left to light at the right."""
    ground, dark, light = (rgb(c) for c in palette[:3])
    canvas = gradient(ground, mix(ground, (255, 255, 255), 0.3))
    count = 8
    for index in range(count):
        mask = Image.new("L", (WIDTH, HEIGHT), 0)
        width = WIDTH / count
        top = HEIGHT * (0.85 - 0.65 * (index + 1) / count)
        ImageDraw.Draw(mask).rectangle(
            [index * width, top, (index + 1) * width + 2, HEIGHT], fill=255
        )
        shadowed(canvas, mask, mix(dark, light, index / (count - 1)), offset=(10, 0))
    return canvas


def arch(rng, palette):
    """Two paper-cut banks joined by one wide arch over calm water. Bridge and banks keep to the
    upper half, so a title over the lower half (a story's cover) lies on water."""
    sky, water, bank, bridge = (rgb(c) for c in palette[:4])
    canvas = gradient(sky, mix(sky, (255, 255, 255), 0.35))
    calm = Image.new("L", (WIDTH, HEIGHT), 0)
    ImageDraw.Draw(calm).rectangle([0, HEIGHT * 0.52, WIDTH, HEIGHT], fill=255)
    shadowed(canvas, calm, water, offset=(0, -4), blur=10)
    banks = Image.new("L", (WIDTH, HEIGHT), 0)
    draw = ImageDraw.Draw(banks)
    for side in (1, -1):
        edge = 0 if side == 1 else WIDTH
        draw.polygon(
            [
                (edge, HEIGHT * 0.42),
                (edge + side * WIDTH * 0.16, HEIGHT * 0.47),
                (edge + side * WIDTH * 0.2, HEIGHT * 0.57),
                (edge, HEIGHT * 0.57),
            ],
            fill=255,
        )
    shadowed(canvas, banks, bank)
    span = Image.new("L", (WIDTH, HEIGHT), 0)
    draw = ImageDraw.Draw(span)
    draw.arc(
        [WIDTH * 0.16, HEIGHT * 0.1, WIDTH * 0.84, HEIGHT * 0.86], 180, 360, fill=255, width=46
    )
    draw.rectangle([WIDTH * 0.1, HEIGHT * 0.445, WIDTH * 0.9, HEIGHT * 0.475], fill=255)
    shadowed(canvas, span, bridge)
    return canvas


def leaves(rng, palette):
    """Rounded leaf shapes scattered over a light ground, in layered greens."""
    ground, *colours = (rgb(c) for c in palette)
    canvas = gradient(ground, mix(ground, (255, 255, 255), 0.4))
    for index in range(26):
        w, h = rng.randrange(120, 300), rng.randrange(50, 110)
        leaf = Image.new("L", (w, h), 0)
        ImageDraw.Draw(leaf).ellipse([0, 0, w - 1, h - 1], fill=255)
        leaf = leaf.rotate(rng.uniform(0, 180), expand=True)
        mask = Image.new("L", (WIDTH, HEIGHT), 0)
        mask.paste(leaf, (rng.randrange(-80, WIDTH - 80), rng.randrange(-60, HEIGHT - 60)))
        shadowed(canvas, mask, colours[index % len(colours)], offset=(6, 8), blur=10)
    return canvas


def waves(rng, palette):
    """Bands of waves in layered blues, calmer towards the horizon."""
    sky, *bands = (rgb(c) for c in palette)
    canvas = gradient(mix(sky, (255, 255, 255), 0.5), sky)
    for index, colour in enumerate(bands):
        shadowed(
            canvas,
            ridge_mask(rng, HEIGHT * (0.4 + index * 0.12), 10 + index * 9, 3 + index * 2),
            colour,
        )
    return canvas


def routes(rng, palette):
    """Dotted routes between small circles scattered over a pale field."""
    ground, line, dot = (rgb(c) for c in palette[:3])
    canvas = gradient(ground, mix(ground, (0, 0, 0), 0.06))
    draw = ImageDraw.Draw(canvas)
    places = [(rng.randrange(120, WIDTH - 120), rng.randrange(120, HEIGHT - 120)) for _ in range(9)]
    for a, b in zip(places, places[1:] + places[:2], strict=False):
        length = math.dist(a, b)
        for step in range(0, int(length), 26):
            t = step / length
            x, y = a[0] + (b[0] - a[0]) * t, a[1] + (b[1] - a[1]) * t - math.sin(t * math.pi) * 80
            draw.ellipse([x - 5, y - 5, x + 5, y + 5], fill=line)
    for x, y in places:
        draw.ellipse([x - 26, y - 26, x + 26, y + 26], fill=dot)
        draw.ellipse([x - 11, y - 11, x + 11, y + 11], fill=ground)
    return canvas


def light_rays(rng, palette):
    """Broad rays of light fanning out from a low sun over a quiet plain."""
    sky, ray, sun, land = (rgb(c) for c in palette[:4])
    canvas = gradient(sky, mix(sky, sun, 0.5))
    layer = Image.new("RGBA", (WIDTH, HEIGHT), (0, 0, 0, 0))
    draw = ImageDraw.Draw(layer)
    origin = (WIDTH * (0.4 + rng.random() * 0.2), HEIGHT * 0.74)
    for index in range(14):
        angle = math.pi + math.pi * (index + 0.5) / 14
        spread = 0.05
        far = 2200
        draw.polygon(
            [
                origin,
                (
                    origin[0] + math.cos(angle - spread) * far,
                    origin[1] + math.sin(angle - spread) * far,
                ),
                (
                    origin[0] + math.cos(angle + spread) * far,
                    origin[1] + math.sin(angle + spread) * far,
                ),
            ],
            fill=(*ray, 70),
        )
    canvas = Image.alpha_composite(
        canvas.convert("RGBA"), layer.filter(ImageFilter.GaussianBlur(6))
    ).convert("RGB")
    ImageDraw.Draw(canvas).ellipse(
        [origin[0] - 90, origin[1] - 90, origin[0] + 90, origin[1] + 90], fill=sun
    )
    shadowed(canvas, ridge_mask(rng, HEIGHT * 0.74, 6, 0.5), land, offset=(0, -8))
    return canvas


STYLES = {
    "hills": hills,
    "horizon": horizon,
    "threads": threads,
    "planes": planes,
    "doorway": doorway,
    "windows": windows,
    "path": path,
    "ripples": ripples,
    "mosaic": mosaic,
    "steps": steps_rising,
    "arch": arch,
    "leaves": leaves,
    "waves": waves,
    "routes": routes,
    "rays": light_rays,
}


def illustration_jpeg(spec) -> bytes:
    """The JPEG of one illustration spec: {"style", "seed", "palette"} from demo/content.py.
    JPEG, not PNG: the grain that keeps the gradients from banding is noise, which PNG encodes
    slowly and large (every upload is re-encoded once more, without metadata)."""
    rng = random.Random(spec["seed"])  # noqa: S311 - decoration, not security
    image = STYLES[spec["style"]](rng, spec["palette"])
    image = grain(image, rng)
    output = io.BytesIO()
    image.convert("RGB").save(output, format="JPEG", quality=92)
    return output.getvalue()
