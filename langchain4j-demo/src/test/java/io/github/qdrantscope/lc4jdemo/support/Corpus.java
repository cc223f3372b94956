package io.github.qdrantscope.lc4jdemo.support;

import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import io.github.qdrantscope.lc4jdemo.Passage;
import io.github.qdrantscope.lc4jdemo.SegmentIds;
import io.github.qdrantscope.lc4jdemo.SourceDocument;

/**
 * The documents EVERY test ingests: the same document ids, so the same segment ids, in the same hard-coded
 * collection. Each paragraph is longer than half the splitter's limit and shorter than the limit, so each
 * becomes exactly one segment: the expected segments are the paragraphs.
 */
public final class Corpus {

    public static final SourceDocument SOURDOUGH = new SourceDocument("sourdough", "Baking Sourdough Bread",
            "cooking", 2021, String.join("\n\n",
                    "Feed your sourdough starter every day with equal weights of flour and water. A healthy starter"
                            + " doubles in size within six hours and smells pleasantly sour, like yogurt.",
                    "Shape the dough gently into a tight ball, then let it proof overnight in the refrigerator. The"
                            + " cold slows the yeast down and gives the bread a deeper, tangier flavour.",
                    "Bake the loaf in a preheated cast iron Dutch oven at a high temperature. Keep the lid on for"
                            + " the first twenty minutes so the steam lets the crust rise and turn glossy."));

    public static final SourceDocument TOMATOES = new SourceDocument("tomatoes", "Growing Tomatoes", "gardening",
            2019, String.join("\n\n",
                    "Sow tomato seeds indoors six to eight weeks before the last spring frost. Move the seedlings"
                            + " outside only once the nights stay warm and the soil has heated up.",
                    "Water tomato plants deeply at the base in the early morning, never on the leaves. Wet foliage"
                            + " invites blight, and uneven watering makes the fruit split open.",
                    "Pick the tomatoes when they are fully coloured but still firm to the touch. Green fruit left at"
                            + " the end of the season will ripen slowly on a sunny windowsill."));

    public static final SourceDocument TELESCOPE = new SourceDocument("telescope", "Your First Telescope",
            "astronomy", 2023, String.join("\n\n",
                    "When choosing a first telescope, aperture matters more than magnification. A reflector with a"
                            + " wide mirror gathers more light and shows fainter galaxies and nebulae.",
                    "The Moon, Jupiter and Saturn are the best targets for beginners. Even a small telescope shows"
                            + " lunar craters, the moons of Jupiter and the rings of Saturn.",
                    "Drive away from city lights to find a truly dark sky for observing. Light pollution washes out"
                            + " faint stars, and your eyes need half an hour to adapt to darkness."));

    public static final SourceDocument PUPPY = new SourceDocument("puppy", "Training a Puppy", "pets", 2020,
            String.join("\n\n",
                    "House training a puppy takes patience and a fixed routine. Take the puppy outside after every"
                            + " meal and nap, and praise it warmly the moment it goes in the right place.",
                    "Teach loose leash walking with short sessions and lots of treats. Stop walking whenever the"
                            + " dog pulls on the leash, and move forward again only when the leash is slack.",
                    "Socialise your puppy early by letting it meet calm adults, children and other friendly dogs."
                            + " Puppies that meet many people become confident and relaxed adult dogs."));

    public static final SourceDocument BUDGET = new SourceDocument("budget", "A Household Budget", "finance", 2022,
            String.join("\n\n",
                    "Track every expense for a month before you set up a household budget. Sorting your spending"
                            + " into categories shows where the money really goes each week.",
                    "Build an emergency fund that covers three to six months of living costs. Keep the savings in"
                            + " a separate account so unexpected bills never become new debt.",
                    "Pay off the debt with the highest interest rate first while paying the minimum on the rest."
                            + " Credit card balances usually cost the most and should be cleared quickly."));

    public static final SourceDocument COMPOST = new SourceDocument("compost", "Composting at Home", "gardening",
            2024, String.join("\n\n",
                    "A compost bin needs a mix of green kitchen scraps and brown material such as dry leaves and"
                            + " cardboard. Leave out meat, dairy and oily food, which attract rats.",
                    "Turn the compost pile every few weeks to let air in and keep it moist like a wrung-out sponge."
                            + " Finished compost is dark and crumbly and smells of forest soil."));

    /** A new revision of {@link #SOURDOUGH}: the first paragraph rewritten, the second kept, the third dropped. */
    public static final SourceDocument SOURDOUGH_REVISED = SOURDOUGH.revised(String.join("\n\n",
            "Feed the starter twice a day in warm weather and use some rye flour for a livelier culture. It is"
                    + " ready for baking when a spoonful of it floats in a glass of cold water.",
            paragraphs(SOURDOUGH).get(1)));

    /** A new revision of {@link #SOURDOUGH}: the three paragraphs kept and a fourth added. */
    public static final SourceDocument SOURDOUGH_EXTENDED = SOURDOUGH.revised(String.join("\n\n",
            SOURDOUGH.text(),
            "Let the baked loaf cool on a wire rack for at least an hour before slicing it. The crumb keeps"
                    + " setting while it cools, and cutting too early leaves it gummy and dense."));

    /** Every document, in the order the suite ingests them. */
    public static final List<SourceDocument> DOCUMENTS = List.of(SOURDOUGH, TOMATOES, TELESCOPE, PUPPY, BUDGET,
            COMPOST);

    /** How many segments the whole corpus has. */
    public static final int SEGMENTS = 17;

    private Corpus() {
    }

    /** The paragraphs of {@code document}: its expected segments' texts. */
    public static List<String> paragraphs(SourceDocument document) {
        return List.of(document.text().split("\n\n"));
    }

    /** The passages {@code document} is expected to be stored as, unscored, in document order. */
    public static List<Passage> passages(SourceDocument document) {
        List<String> paragraphs = paragraphs(document);
        return IntStream.range(0, paragraphs.size())
            .mapToObj(i -> new Passage(SegmentIds.of(document.id(), i), document.id(), document.title(),
                    document.category(), document.year(), i, paragraphs.get(i), Double.NaN))
            .toList();
    }

    /** Every expected passage of {@code documents}. */
    public static List<Passage> passages(List<SourceDocument> documents) {
        return documents.stream().flatMap(document -> passages(document).stream()).toList();
    }

    /** Every expected passage of the corpus. */
    public static List<Passage> passages() {
        return passages(DOCUMENTS);
    }

    /** The document with id {@code id}. */
    public static SourceDocument document(String id) {
        return DOCUMENTS.stream().filter(document -> document.id().equals(id)).findFirst().orElseThrow();
    }

    /** The documents by category. */
    public static Map<String, List<SourceDocument>> byCategory() {
        return DOCUMENTS.stream().collect(Collectors.groupingBy(SourceDocument::category));
    }
}
